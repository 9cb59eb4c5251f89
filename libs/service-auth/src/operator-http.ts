import { fetchHttpWith, type HttpCall } from './credentialed-http';
import type { ServiceAuthConfig } from './service-auth.config';
import { signerSettings } from './service-auth.settings';
import { ServiceCredentialIssuer } from './service-credential.issuer';

/**
 * HTTP for an operator's tool (`npm run models`, `npm run retrain`): every call carries a
 * credential from issuer `operator` for `audience`, signed with SERVICE_PRIVATE_KEY (locally the
 * development key), whose subject is the person acting.
 */
export function operatorHttp(
  config: Readonly<
    Pick<ServiceAuthConfig, 'SERVICE_PRIVATE_KEY' | 'SERVICE_KEY_ID' | 'SERVICE_CREDENTIAL_TTL_SECONDS'>
  >,
  audience: string,
): HttpCall {
  const settings = signerSettings(config);
  const issuer = new ServiceCredentialIssuer({
    issuer: 'operator',
    keyId: settings.keyId,
    privateKey: settings.privateKey,
    ttlSeconds: settings.ttlSeconds,
  });
  return fetchHttpWith((actor) => issuer.headers({ audience, ...(actor ? { subject: actor } : {}) }));
}
