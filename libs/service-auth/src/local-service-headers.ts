import { ServiceCredentialIssuer } from './service-credential.issuer';
import { DEV_SERVICE_KEY_ID, DEV_SERVICE_PRIVATE_KEY, parsePrivateKey } from './service-keys';

let devKey: ReturnType<typeof parsePrivateKey> | undefined;

/**
 * Headers with a credential signed by the LOCAL DEVELOPMENT key, for tests, the demo, the
 * benchmarks and the feed against locally started services (which trust that key only outside
 * production). `issuer` defaults to `tools`.
 */
export function localServiceHeaders(
  audience: string,
  o: { issuer?: string; subject?: string; roles?: string[]; ttlSeconds?: number } = {},
): Record<string, string> {
  devKey ??= parsePrivateKey(DEV_SERVICE_PRIVATE_KEY);
  const issuer = new ServiceCredentialIssuer({
    issuer: o.issuer ?? 'tools',
    keyId: DEV_SERVICE_KEY_ID,
    privateKey: devKey,
    ttlSeconds: o.ttlSeconds ?? 60,
  });
  return issuer.headers({
    audience,
    ...(o.subject ? { subject: o.subject } : {}),
    ...(o.roles ? { roles: o.roles } : {}),
  });
}
