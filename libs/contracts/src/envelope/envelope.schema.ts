import { z } from 'zod';

import { int4, isoInstant, lineText } from './safe-primitives';

/** Fields every event on every topic carries, whatever its payload. */
export const envelopeFields = {
  eventId: z.string().uuid(),
  schemaVersion: int4(1),
  occurredAt: isoInstant,
  producedAt: isoInstant,
  source: lineText(64),
  correlationId: lineText(128),
  causationId: lineText(128).optional(),
};

export const baseEnvelopeSchema = z.object({ ...envelopeFields, type: lineText(64) });
export type BaseEnvelope = z.infer<typeof baseEnvelopeSchema>;

/** Builds the schema of one event type at one version. */
export function eventSchema<TType extends string, TPayload extends z.ZodTypeAny>(
  type: TType,
  version: number,
  payload: TPayload,
) {
  return z.object({
    ...envelopeFields,
    type: z.literal(type),
    schemaVersion: z.literal(version),
    payload,
  });
}

/** Largest accepted serialized event; bigger records are dead-lettered as oversized. */
export const MAX_EVENT_BYTES = 256 * 1024;
