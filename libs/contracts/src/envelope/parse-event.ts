import { z } from 'zod';

import { ContractViolation } from './contract-violation';
import { baseEnvelopeSchema, MAX_EVENT_BYTES } from './envelope.schema';

/** Built once: zod compiles a parser per schema object, and this runs for every record. */
const headSchema = baseEnvelopeSchema.pick({ type: true, schemaVersion: true });

/** A registry of schemas for one topic: type -> version -> schema. */
export type SchemaRegistry = Record<string, Record<number, z.ZodTypeAny>>;

/**
 * Decodes and validates one Kafka record value against a topic's registry. Field paths
 * are reported, values never: a reason must not leak personal data into a dead letter.
 */
export function parseEvent<T>(raw: Buffer | string | null | undefined, registry: SchemaRegistry): T {
  if (raw === null || raw === undefined || raw.length === 0) {
    throw new ContractViolation('EMPTY', 'record has no value');
  }
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size > MAX_EVENT_BYTES) {
    throw new ContractViolation('OVERSIZED', `record is ${size} bytes, limit ${MAX_EVENT_BYTES}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    throw new ContractViolation('MALFORMED_JSON', 'value is not valid JSON');
  }
  const head = headSchema.safeParse(json);
  if (!head.success) {
    throw new ContractViolation('SCHEMA_VIOLATION', describeIssues(head.error));
  }
  const versions = registry[head.data.type];
  if (!versions) {
    throw new ContractViolation('UNKNOWN_TYPE', `unknown event type '${head.data.type}'`);
  }
  const schema = versions[head.data.schemaVersion];
  if (!schema) {
    throw new ContractViolation(
      'UNSUPPORTED_VERSION',
      `${head.data.type} has no schema version ${head.data.schemaVersion}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ContractViolation('SCHEMA_VIOLATION', describeIssues(parsed.error));
  }
  return parsed.data as T;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
