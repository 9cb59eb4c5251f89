import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * The well-known LOCAL DEVELOPMENT key pair (Ed25519). It is committed to this repository, so
 * it proves nothing: every service trusts it outside production only, and `secret(...)` refuses
 * it as a committed default in production (listed in `KNOWN_DEFAULT_SECRETS`).
 */
export const DEV_SERVICE_KEY_ID = 'local-dev';
export const DEV_SERVICE_PRIVATE_KEY = 'MC4CAQAwBQYDK2VwBCIEIFchglt70T25xR4CoSGtOQMyoW6NKYDUb1dCRHXiC8rq';
export const DEV_SERVICE_PUBLIC_KEY = 'MCowBQYDK2VwAyEAiFMQwsTS8daM2MLPBGevzwwHtBnJMGK4HqRn8X7cAwE=';

/** Issuer and audience names: lower-case service or tool names (`review`, `graph`, `operator`). */
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** A public key the verifier accepts, by key id; `issuer` binds it to one calling service. */
export interface TrustedServiceKey {
  keyId: string;
  publicKey: KeyObject;
  /** Only credentials with this `iss` may be signed by the key; undefined: any issuer (local dev key). */
  issuer?: string;
}

/** An Ed25519 private key from PEM or base64 PKCS#8 DER. */
export function parsePrivateKey(text: string): KeyObject {
  const key = text.trim().startsWith('-----BEGIN')
    ? createPrivateKey(text)
    : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('the service private key must be an Ed25519 key');
  }
  return key;
}

/** An Ed25519 public key from PEM or base64 SPKI DER. */
export function parsePublicKey(text: string): KeyObject {
  const key = text.trim().startsWith('-----BEGIN')
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('a trusted service key must be an Ed25519 key');
  }
  return key;
}

/** The base64 SPKI DER form of a public key, as `SERVICE_TRUSTED_KEYS` carries it. */
export function publicKeyText(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).toString('base64');
}

/**
 * Parses `SERVICE_TRUSTED_KEYS`: entries separated by commas or whitespace, each
 * `keyId=issuer:publicKey` (the key may sign only for that issuer) or `keyId=publicKey`
 * (any issuer; meant for the local development key). Throws naming the bad entry's key id.
 */
export function parseTrustedKeys(text: string): TrustedServiceKey[] {
  const keys: TrustedServiceKey[] = [];
  for (const entry of text.split(/[\s,]+/).filter((e) => e !== '')) {
    const eq = entry.indexOf('=');
    const keyId = eq > 0 ? entry.slice(0, eq) : '';
    if (!KEY_ID_PATTERN.test(keyId)) {
      throw new Error(`a trusted key entry must be keyId=[issuer:]publicKey (entry ${keys.length + 1})`);
    }
    const rest = entry.slice(eq + 1);
    const colon = rest.indexOf(':');
    const issuer = colon > 0 ? rest.slice(0, colon) : undefined;
    if (issuer !== undefined && !SERVICE_NAME_PATTERN.test(issuer)) {
      throw new Error(`trusted key ${keyId}: issuer must be a lower-case service name`);
    }
    if (keys.some((k) => k.keyId === keyId)) {
      throw new Error(`trusted key ${keyId} is listed twice`);
    }
    try {
      keys.push({ keyId, publicKey: parsePublicKey(colon > 0 ? rest.slice(colon + 1) : rest), issuer });
    } catch {
      throw new Error(`trusted key ${keyId}: not an Ed25519 public key (base64 SPKI DER or PEM)`);
    }
  }
  if (keys.length === 0) {
    throw new Error('at least one trusted key is required');
  }
  return keys;
}

/** What a service trusts locally when `SERVICE_TRUSTED_KEYS` is unset: the development key, any issuer. */
export const DEV_TRUSTED_KEYS = `${DEV_SERVICE_KEY_ID}=${DEV_SERVICE_PUBLIC_KEY}`;
