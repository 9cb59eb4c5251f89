import { z } from 'zod';

import { eventSchema } from '../envelope/envelope.schema';
import { isoInstant, patternText } from '../envelope/safe-primitives';

const sha256Hex = patternText(/^[0-9a-f]{64}$/, 'expected a lower-case sha256 hex digest');
const keyId = patternText(/^[A-Za-z0-9._-]{1,64}$/, 'expected a key id');

/** What the signature covers: the ledger had `hash` as its row at `seq` at `at`. */
export const auditCheckpointStatementSchema = z.object({
  ledgerId: keyId,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  hash: sha256Hex,
  at: isoInstant,
  algorithm: z.literal('Ed25519'),
  keyId,
});
export type AuditCheckpointStatement = z.infer<typeof auditCheckpointStatementSchema>;

/**
 * A signed checkpoint of the decision ledger on `audit.checkpoints.v1`: the anchor outside
 * the database that a rewrite or a truncation of the ledger cannot change. The signature is
 * Ed25519 (base64) over the canonical JSON of the statement.
 */
export const auditCheckpointSchema = eventSchema(
  'audit.checkpoint',
  1,
  auditCheckpointStatementSchema.extend({
    signature: patternText(/^[A-Za-z0-9+/]{86}==$/, 'expected an Ed25519 signature'),
  }),
);
export type AuditCheckpointEvent = z.infer<typeof auditCheckpointSchema>;
export type AuditCheckpointPayload = AuditCheckpointEvent['payload'];
