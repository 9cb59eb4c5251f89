import { createPrivateKey } from 'node:crypto';

import { z } from 'zod';

import { httpConfig, kafkaConfig, databaseConfig } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';

/** Everything the review service reads from its environment, validated once at boot. */
export const reviewConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...databaseConfig,
  /** HS256 key for session tokens; the default is for local demos only. */
  JWT_SECRET: z.string().min(16, 'must be at least 16 characters').default('loanmesh-local-dev-secret-change-me'),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(8 * 3600),
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
  /** PEM (PKCS#8) Ed25519 private key that signs audit bundles; unset: a key generated at boot. */
  AUDIT_SIGNING_KEY: z
    .string()
    .optional()
    .refine((pem) => pem === undefined || isEd25519PrivateKey(pem), 'must be a PEM Ed25519 private key'),
};

function isEd25519PrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

export type ReviewConfig = ReturnType<typeof loadConfig<typeof reviewConfigShape>>;
