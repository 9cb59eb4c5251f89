import { z } from 'zod';

import { loadConfig } from '@loanmesh/config';

/** Knobs of `npm run fuzz` (environment; validated once, like every other config). */
export const fuzzConfigShape = {
  FUZZ_RECORDS: z.coerce.number().int().positive().default(20_000),
  /** Printed at the start; the same seed gives the same records. Default: from the clock. */
  FUZZ_SEED: z.coerce.number().int().nonnegative().optional(),
  /** Malformed records for each downstream service topic. */
  FUZZ_DOWNSTREAM_RECORDS: z.coerce.number().int().nonnegative().default(300),
  /** No progress in the books for this long ends the wait: what is left is reported as unaccounted. */
  FUZZ_STALL_MS: z.coerce.number().int().positive().default(120_000),
  FUZZ_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 60_000),
  /** First of the four service HTTP ports (ingestion, graph, inference, review). */
  FUZZ_HTTP_PORT: z.coerce.number().int().min(1024).max(65531).default(25101),
};

export type FuzzConfig = Readonly<z.infer<z.ZodObject<typeof fuzzConfigShape>>>;

export function loadFuzzConfig(env?: Record<string, string | undefined>): FuzzConfig {
  return loadConfig(fuzzConfigShape, env);
}
