import { generateKeyPairSync } from 'node:crypto';

import { ConfigValidationError, loadConfig } from '@loanmesh/config';

import { serviceAuthConfig } from './service-auth.config';
import { serviceAuthSettings } from './service-auth.settings';
import { DEV_SERVICE_KEY_ID, DEV_SERVICE_PRIVATE_KEY, DEV_TRUSTED_KEYS, publicKeyText } from './service-keys';

const pair = generateKeyPairSync('ed25519');
const OWN_KEY = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
const TRUSTED = `review-2026-12=review:${publicKeyText(pair.publicKey)}`;

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(serviceAuthConfig, env);
  } catch (e) {
    if (e instanceof ConfigValidationError) {
      return e.problems;
    }
    throw e;
  }
  return [];
}

describe('service-auth config', () => {
  it('should fall back to the local development key pair outside production', () => {
    const settings = serviceAuthSettings('graph', loadConfig(serviceAuthConfig, {}));
    expect(settings.keyId).toBe(DEV_SERVICE_KEY_ID);
    expect(settings.trustedKeys.map((k) => [k.keyId, k.issuer])).toEqual([[DEV_SERVICE_KEY_ID, undefined]]);
    expect(settings.ttlSeconds).toBe(60);
  });

  it('should refuse to boot in production without keys and metrics token, naming each variable', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'SERVICE_PRIVATE_KEY is missing (refused in production)',
      'SERVICE_TRUSTED_KEYS is missing (refused in production)',
      'METRICS_TOKEN is missing (refused in production)',
    ]);
  });

  it('should refuse the committed development key and its trust entry in production', () => {
    const found = problems({
      LOANMESH_ENV: 'production',
      SERVICE_PRIVATE_KEY: DEV_SERVICE_PRIVATE_KEY,
      SERVICE_TRUSTED_KEYS: DEV_TRUSTED_KEYS,
      METRICS_TOKEN: 'b7Qm1vZ0pX4kR9sT2wY6uE3iO8aL5nH0',
    });
    expect(found).toEqual([
      'SERVICE_PRIVATE_KEY is a committed default value (refused in production)',
      'SERVICE_TRUSTED_KEYS looks like a placeholder (refused in production)',
    ]);
  });

  it('should accept its own key and trust list in production, and require a key id beside the key', () => {
    const env = {
      NODE_ENV: 'production',
      SERVICE_PRIVATE_KEY: OWN_KEY,
      SERVICE_TRUSTED_KEYS: TRUSTED,
      METRICS_TOKEN: 'b7Qm1vZ0pX4kR9sT2wY6uE3iO8aL5nH0',
    };
    expect(problems(env)).toEqual([]);
    expect(() => serviceAuthSettings('review', loadConfig(serviceAuthConfig, env))).toThrow('SERVICE_KEY_ID');
    const settings = serviceAuthSettings(
      'review',
      loadConfig(serviceAuthConfig, { ...env, SERVICE_KEY_ID: 'review-2026-12' }),
    );
    expect(settings.keyId).toBe('review-2026-12');
  });

  it('should refuse a private key that is not Ed25519 and a malformed trust list at boot', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(problems({ SERVICE_PRIVATE_KEY: rsa.toString(), SERVICE_TRUSTED_KEYS: 'nonsense' })).toEqual([
      'SERVICE_PRIVATE_KEY: the service private key must be an Ed25519 key',
      'SERVICE_TRUSTED_KEYS: a trusted key entry must be keyId=[issuer:]publicKey (entry 1)',
    ]);
  });
});
