import type { KeyObject } from 'node:crypto';

import type { ServiceAuthConfig } from './service-auth.config';
import {
  DEV_SERVICE_KEY_ID,
  DEV_SERVICE_PRIVATE_KEY,
  DEV_TRUSTED_KEYS,
  parsePrivateKey,
  parseTrustedKeys,
  type TrustedServiceKey,
} from './service-keys';

/** The resolved keys and limits of one service. */
export interface ServiceAuthSettings {
  /** This service's name: the issuer of what it signs, the audience of what it accepts. */
  service: string;
  keyId: string;
  privateKey: KeyObject;
  trustedKeys: TrustedServiceKey[];
  ttlSeconds: number;
  clockSkewSeconds: number;
  metricsToken?: string;
}

/** Resolves the validated config; unset keys fall back to the local development key pair. */
export function serviceAuthSettings(service: string, config: Readonly<ServiceAuthConfig>): ServiceAuthSettings {
  const ownKey = config.SERVICE_PRIVATE_KEY !== undefined;
  if (ownKey && (config.SERVICE_KEY_ID === undefined || config.SERVICE_KEY_ID === DEV_SERVICE_KEY_ID)) {
    throw new Error('SERVICE_KEY_ID must name SERVICE_PRIVATE_KEY (not the development key id)');
  }
  return {
    service,
    keyId: ownKey ? (config.SERVICE_KEY_ID ?? DEV_SERVICE_KEY_ID) : DEV_SERVICE_KEY_ID,
    privateKey: parsePrivateKey(config.SERVICE_PRIVATE_KEY ?? DEV_SERVICE_PRIVATE_KEY),
    trustedKeys: parseTrustedKeys(config.SERVICE_TRUSTED_KEYS ?? DEV_TRUSTED_KEYS),
    ttlSeconds: config.SERVICE_CREDENTIAL_TTL_SECONDS,
    clockSkewSeconds: config.SERVICE_CLOCK_SKEW_SECONDS,
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
  };
}
