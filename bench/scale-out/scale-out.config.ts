import { join } from 'node:path';

import { z } from 'zod';

import { loadConfig, portNumber } from '@loanmesh/config';

const ROOT = join(__dirname, '..', '..');

/** What `npm run scale-out` reads from its environment; defaults stay off the dev, test and chaos stacks. */
export const scaleOutConfigShape = {
  /** Replicas of every service in the scaled phase. */
  SCALE_OUT_REPLICAS: z.coerce.number().int().min(2).max(4).default(2),
  /** Steady rate (applications/s) of the run with a rebalance, and its length. */
  SCALE_OUT_RATE: z.coerce.number().min(1).max(2000).default(100),
  SCALE_OUT_SECONDS: z.coerce.number().int().min(30).max(3600).default(90),
  /** The burst that measures capacity: far above what one replica decides per second. */
  SCALE_OUT_BURST_RATE: z.coerce.number().min(1).max(5000).default(500),
  SCALE_OUT_BURST_SECONDS: z.coerce.number().int().min(5).max(600).default(20),
  /** Decided applications whose graph features every replica is asked for. */
  SCALE_OUT_FEATURE_SAMPLES: z.coerce.number().int().min(1).max(5000).default(200),
  SCALE_OUT_SCALE: z.coerce.number().min(0.001).max(1).default(0.05),
  SCALE_OUT_SEED: z.coerce.number().int().min(0).default(42),
  SCALE_OUT_SETTLE_SECONDS: z.coerce.number().int().min(10).max(3600).default(600),
  SCALE_OUT_STALL_SECONDS: z.coerce.number().int().min(10).max(3600).default(90),
  SCALE_OUT_KAFKA_PORT: portNumber.default(39092),
  SCALE_OUT_NEO4J_PORT: portNumber.default(37687),
  /** First replicas on base+1..base+4 (proxies base+11..), replica r 20·(r−1) above. */
  SCALE_OUT_PORT_BASE: portNumber.default(4400),
  SCALE_OUT_INFRA_DATA: z
    .string()
    .min(1)
    .default(join(ROOT, 'infra', '.data-scale-out')),
  SCALE_OUT_LOG_DIR: z
    .string()
    .min(1)
    .default(join(ROOT, '.local', 'scale-out')),
  SCALE_OUT_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
};

export type ScaleOutConfig = ReturnType<typeof loadConfig<typeof scaleOutConfigShape>>;

export function loadScaleOutConfig(env: Record<string, string | undefined> = process.env): ScaleOutConfig {
  return loadConfig(scaleOutConfigShape, env);
}
