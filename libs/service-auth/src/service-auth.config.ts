import { z } from 'zod';

import { secret } from '@loanmesh/config';

import { MAX_CREDENTIAL_TTL_SECONDS } from './service-credential';
import { parsePrivateKey, parseTrustedKeys } from './service-keys';

function parses(parse: (text: string) => unknown, what: string): (value: string, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    try {
      parse(value);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : `not ${what}` });
    }
  };
}

/**
 * Service credentials and the metrics token, composed into the config of every HTTP service.
 * Unset outside production, the well-known local development key signs and is trusted (see
 * `service-keys.ts`); in production a missing, committed or placeholder key refuses the boot.
 */
export const serviceAuthConfig = {
  /** This service's Ed25519 signing key (base64 PKCS#8 DER or PEM). */
  SERVICE_PRIVATE_KEY: secret(z.string().superRefine(parses(parsePrivateKey, 'an Ed25519 key')).optional(), {
    optionalOutsideProduction: true,
  }),
  /** The id its public key is listed under in the other services' SERVICE_TRUSTED_KEYS. */
  SERVICE_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore')
    .optional(),
  /**
   * The public keys this service accepts: `keyId=issuer:publicKey` entries separated by commas.
   * Not secret, but checked like one so production cannot run on the development key.
   */
  SERVICE_TRUSTED_KEYS: secret(z.string().superRefine(parses(parseTrustedKeys, 'trusted keys')).optional(), {
    optionalOutsideProduction: true,
  }),
  /** Lifetime of the credentials this service signs (seconds). */
  SERVICE_CREDENTIAL_TTL_SECONDS: z.coerce.number().int().min(5).max(MAX_CREDENTIAL_TTL_SECONDS).default(60),
  /** Clock difference between services tolerated on `exp` and `iat` (seconds). */
  SERVICE_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(120).default(10),
  /** Bearer token for Prometheus on `/metrics`; unset, only a service credential reads metrics. */
  METRICS_TOKEN: secret(z.string().min(16).optional(), { optionalOutsideProduction: true }),
};

export type ServiceAuthConfig = z.infer<z.ZodObject<typeof serviceAuthConfig>>;

/** What a signing-only tool (a CLI) reads: its key, key id and credential lifetime. */
export const signerConfig = {
  SERVICE_PRIVATE_KEY: serviceAuthConfig.SERVICE_PRIVATE_KEY,
  SERVICE_KEY_ID: serviceAuthConfig.SERVICE_KEY_ID,
  SERVICE_CREDENTIAL_TTL_SECONDS: serviceAuthConfig.SERVICE_CREDENTIAL_TTL_SECONDS,
};
