import { join } from 'node:path';

import { z } from 'zod';

import { loadConfig, portNumber } from '@loanmesh/config';

const ROOT = join(__dirname, '..', '..');

/**
 * What `npm run chaos` reads from its environment, validated once. The defaults keep it off
 * the dev stack (9092/7687, database `loanmesh`, HTTP 3001-3004) and the tests' (19092/17687).
 */
export const chaosConfigShape = {
  /** Seconds of live applications per scenario (at least; longer when a fault needs a tail). */
  CHAOS_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  /** Live applications per second. */
  CHAOS_RATE: z.coerce.number().min(1).max(2000).default(100),
  /** World size loaded before the scenarios (1 = the 120k-entity world; 0.2 loads in a minute or two). */
  CHAOS_SCALE: z.coerce.number().min(0.001).max(1).default(0.2),
  CHAOS_SEED: z.coerce.number().int().min(0).default(42),
  /** After the stream, at most this long to wait for every application to be accounted for... */
  CHAOS_SETTLE_SECONDS: z.coerce.number().int().min(10).max(3600).default(600),
  /** ...and no longer than this without a single further decision (what is left then is stuck). */
  CHAOS_STALL_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  /** Seconds into the stream at which the fault is injected. */
  CHAOS_FAULT_AT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  CHAOS_KAFKA_PORT: portNumber.default(29092),
  CHAOS_NEO4J_PORT: portNumber.default(27687),
  /** Services listen on base+1..base+4, the fault proxies on base+11.. */
  CHAOS_PORT_BASE: portNumber.default(4200),
  CHAOS_INFRA_DATA: z
    .string()
    .min(1)
    .default(join(ROOT, 'infra', '.data-chaos')),
  /** Service logs, one file per service (appended across restarts). */
  CHAOS_LOG_DIR: z
    .string()
    .min(1)
    .default(join(ROOT, '.local', 'chaos')),
  CHAOS_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
};

export type ChaosConfig = ReturnType<typeof loadConfig<typeof chaosConfigShape>>;

export function loadChaosConfig(env: Record<string, string | undefined> = process.env): ChaosConfig {
  return loadConfig(chaosConfigShape, env);
}
