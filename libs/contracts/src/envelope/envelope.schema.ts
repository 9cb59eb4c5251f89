import { z } from 'zod';

/** Fields every event on every topic carries, whatever its payload. */
export const envelopeFields = {
  eventId: z.string().uuid(),
  schemaVersion: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  producedAt: z.string().datetime({ offset: true }),
  source: z.string().min(1).max(64),
  correlationId: z.string().min(1).max(128),
  causationId: z.string().min(1).max(128).optional(),
};

export const baseEnvelopeSchema = z.object({ ...envelopeFields, type: z.string().min(1).max(64) });
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
