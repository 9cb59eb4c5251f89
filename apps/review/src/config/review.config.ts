import { createPrivateKey } from 'node:crypto';

import { z } from 'zod';

import { httpConfig, kafkaConfig, databaseConfig, secret } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';
import { serviceAuthConfig } from '@loanmesh/service-auth';

import { parsePinnedKeys } from '../audit/audit-keys';
import { oidcConfigShape } from '../auth/oidc/oidc.config';

/** Everything the review service reads from its environment, validated once at boot. */
export const reviewConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...databaseConfig,
  ...serviceAuthConfig,
  /** HS256 key for access tokens; the default is for local demos only (refused in production). */
  JWT_SECRET: secret(
    z.string().min(16, 'must be at least 16 characters').default('loanmesh-local-dev-secret-change-me'),
  ),
  /** Lifetime of one access token; the console refreshes it within its session. */
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  /** `iss` and `aud` of access tokens: a token minted for another service or audience is refused. */
  JWT_ISSUER: z.string().min(1).default('loanmesh-review'),
  JWT_AUDIENCE: z.string().min(1).default('loanmesh-review-console'),
  /** Absolute end of a session counted from sign-in; refreshing never extends past it. */
  SESSION_MAX_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(8 * 3600),
  /** Failed sign-ins for one user name within the window that lock it. */
  LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins from one client address within the window that lock the address. */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(900),
  /** bcrypt comparisons run at once; more sign-ins wait, and past the queue they get 429. */
  LOGIN_CONCURRENT_HASHES: z.coerce.number().int().min(1).max(8).default(1),
  LOGIN_HASH_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  /** Reverse proxies in front of review whose X-Forwarded-For entries are trusted (0: none). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Minutes an officer has to decide a referred case. */
  REVIEW_SLA_MINUTES: z.coerce.number().int().min(1).default(240),
  REVIEW_SLA_SWEEP_MS: z.coerce.number().int().min(100).default(30000),
  /** Human decisions above this amount need a senior officer's confirmation. */
  FOUR_EYES_AMOUNT: z.coerce.number().nonnegative().default(500000),
  GRAPH_BASE_URL: z.string().url().default('http://127.0.0.1:3002'),
  INFERENCE_BASE_URL: z.string().url().default('http://127.0.0.1:3003'),
  /** Ingestion service: its side of the application accounting and the dashboard's parked applications. */
  INGESTION_BASE_URL: z.string().url().default('http://127.0.0.1:3001'),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(200),
  /**
   * PEM (PKCS#8) Ed25519 private key that signs audit bundles and checkpoints; unset: the
   * public local development key (`local-dev-insecure`); production refuses to start without it.
   */
  AUDIT_SIGNING_KEY: secret(
    z
      .string()
      .optional()
      .refine((pem) => pem === undefined || isEd25519PrivateKey(pem), 'must be a PEM Ed25519 private key'),
    { optionalOutsideProduction: true },
  ),
  /** The signing key's id, written into every signature; default: its public key's fingerprint. */
  AUDIT_SIGNING_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64')
    .optional(),
  /** Rotated-out public keys still accepted: JSON `{ "<key id>": "<PEM>" }`. */
  AUDIT_VERIFY_KEYS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) {
        return undefined;
      }
      try {
        return parsePinnedKeys(text);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `must be a JSON object of Ed25519 public keys by id (${String(e)})` });
        return z.NEVER;
      }
    }),
  /** The ledger's name in its checkpoints; one per environment sharing a Kafka cluster. */
  AUDIT_LEDGER_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .default('review'),
  /** A checkpoint after this many new decisions... */
  AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).default(1000),
  /** ...or this long after the last one, if any decision came since. */
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).default(300_000),
  /** How often a replica looks whether a checkpoint is due. */
  AUDIT_CHECKPOINT_POLL_MS: z.coerce.number().int().min(100).default(5000),
  /** Labellers who must each label a labelling sample before it is agreed or goes to adjudication. */
  LABELS_REQUIRED_LABELLERS: z.coerce.number().int().min(1).max(5).default(2),
  /** Single sign-on against the bank's identity provider; off while OIDC_ISSUER_URL is unset. */
  ...oidcConfigShape,
};

function isEd25519PrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

export type ReviewConfig = ReturnType<typeof loadConfig<typeof reviewConfigShape>>;
