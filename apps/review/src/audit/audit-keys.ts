import { createHash, createPrivateKey, createPublicKey, type KeyObject, verify } from 'node:crypto';

import { type AuditCheckpointPayload, canonicalJson } from '@loanmesh/contracts';

/**
 * The key id of the deterministic local development key, used only when no
 * AUDIT_SIGNING_KEY is configured; anything it signs proves nothing (its seed is public).
 */
export const DEV_AUDIT_KEY_ID = 'local-dev-insecure';

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The same key in every process and across restarts, so local bundles and checkpoints keep verifying. */
export function devSigningKey(): KeyObject {
  const seed = createHash('sha256').update('loanmesh local development audit key: not a secret').digest();
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** A short, stable name for a public key: the first 16 hex of the sha256 of its DER encoding. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Public keys by key id that signatures are checked against: the current key and rotated-out ones. */
export type PinnedKeys = ReadonlyMap<string, string>;

/**
 * A pinned key set from text: a JSON object `{ "<key id>": "<public key PEM>" }`, or one
 * PEM public key (named by its fingerprint, `keyIdOf`).
 */
export function parsePinnedKeys(text: string): Map<string, string> {
  const trimmed = text.trim();
  const entries: [string, string][] = trimmed.startsWith('{')
    ? Object.entries(JSON.parse(trimmed) as Record<string, unknown>).map(([id, pem]) => {
        if (typeof pem !== 'string') {
          throw new Error(`key ${id}: not a PEM string`);
        }
        return [id, pem];
      })
    : [[keyIdOf(trimmed), trimmed]];
  for (const [id, pem] of entries) {
    if (createPublicKey(pem).asymmetricKeyType !== 'ed25519') {
      throw new Error(`key ${id}: not an Ed25519 public key`);
    }
  }
  return new Map(entries);
}

export type SignatureCheck = 'VALID' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

/** Checks an Ed25519 signature (base64) over the text with the pinned key of that id. */
export function checkSignature(keys: PinnedKeys, keyId: string, text: string, signature: string): SignatureCheck {
  const pem = keys.get(keyId);
  if (pem === undefined) {
    return 'UNKNOWN_KEY';
  }
  return verify(null, Buffer.from(text), pem, Buffer.from(signature, 'base64')) ? 'VALID' : 'BAD_SIGNATURE';
}

/** Whether a checkpoint's signature (over its statement, signature left out) verifies against the pinned keys. */
export function checkCheckpoint(keys: PinnedKeys, c: AuditCheckpointPayload): SignatureCheck {
  const { signature, ...statement } = c;
  return checkSignature(keys, c.keyId, canonicalJson(statement), signature);
}
