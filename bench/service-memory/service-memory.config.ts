import { join } from 'node:path';

import { z } from 'zod';

import { loadConfig, portNumber } from '@loanmesh/config';

const ROOT = join(__dirname, '..', '..');

/** What `npm run bench -- service-memory` reads from its environment; defaults stay off the dev, test, chaos and scale-out stacks. */
export const serviceMemoryConfigShape = {
  /** World size loaded first (1 = the 120k-entity world the 300 MB target is about). */
  MEMORY_SCALE: z.coerce.number().min(0.001).max(1).default(1),
  MEMORY_SEED: z.coerce.number().int().min(0).default(42),
  /** Idle: seconds sampled after boot and a quiet settle. */
  MEMORY_IDLE_SECONDS: z.coerce.number().int().min(5).max(600).default(30),
  MEMORY_SETTLE_SECONDS: z.coerce.number().int().min(0).max(600).default(15),
  /** Busy: live applications per second, and for how long. */
  MEMORY_RATE: z.coerce.number().min(1).max(2000).default(100),
  MEMORY_BUSY_SECONDS: z.coerce.number().int().min(10).max(600).default(60),
  MEMORY_STALL_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  MEMORY_SETTLE_MAX_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  MEMORY_KAFKA_PORT: portNumber.default(33092),
  MEMORY_NEO4J_PORT: portNumber.default(33687),
  /** Services on base+1..base+4, proxies on base+11.. */
  MEMORY_PORT_BASE: portNumber.default(4600),
  MEMORY_INFRA_DATA: z
    .string()
    .min(1)
    .default(join(ROOT, 'infra', '.data-memory')),
  MEMORY_LOG_DIR: z
    .string()
    .min(1)
    .default(join(ROOT, '.local', 'service-memory')),
};

export type ServiceMemoryConfig = ReturnType<typeof loadConfig<typeof serviceMemoryConfigShape>>;

export function loadServiceMemoryConfig(env: Record<string, string | undefined> = process.env): ServiceMemoryConfig {
  return loadConfig(serviceMemoryConfigShape, env);
}
