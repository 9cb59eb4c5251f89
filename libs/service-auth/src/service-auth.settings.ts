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

/** The signing half only (a CLI): this service's key and id, or the development key when unset. */
export function signerSettings(
  config: Readonly<
    Pick<ServiceAuthConfig, 'SERVICE_PRIVATE_KEY' | 'SERVICE_KEY_ID' | 'SERVICE_CREDENTIAL_TTL_SECONDS'>
  >,
): Pick<ServiceAuthSettings, 'keyId' | 'privateKey' | 'ttlSeconds'> {
  const ownKey = config.SERVICE_PRIVATE_KEY !== undefined;
  if (ownKey && (config.SERVICE_KEY_ID === undefined || config.SERVICE_KEY_ID === DEV_SERVICE_KEY_ID)) {
    throw new Error('SERVICE_KEY_ID must name SERVICE_PRIVATE_KEY (not the development key id)');
  }
  return {
    keyId: ownKey ? (config.SERVICE_KEY_ID ?? DEV_SERVICE_KEY_ID) : DEV_SERVICE_KEY_ID,
    privateKey: parsePrivateKey(config.SERVICE_PRIVATE_KEY ?? DEV_SERVICE_PRIVATE_KEY),
    ttlSeconds: config.SERVICE_CREDENTIAL_TTL_SECONDS,
  };
}

/** Resolves the validated config; unset keys fall back to the local development key pair. */
export function serviceAuthSettings(service: string, config: Readonly<ServiceAuthConfig>): ServiceAuthSettings {
  return {
    service,
    ...signerSettings(config),
    trustedKeys: parseTrustedKeys(config.SERVICE_TRUSTED_KEYS ?? DEV_TRUSTED_KEYS),
    clockSkewSeconds: config.SERVICE_CLOCK_SKEW_SECONDS,
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
  };
}
