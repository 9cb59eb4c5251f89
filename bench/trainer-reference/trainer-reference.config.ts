import { z } from 'zod';

import { loadConfig } from '@loanmesh/config';

/** What `npm run bench -- trainer-reference` reads from its environment. */
export const trainerReferenceConfigShape = {
  /** The German credit CSV (outside the repository, as in docs/model.md). */
  TRAINER_REFERENCE_CSV: z.string().min(1).default('/work/shared/data/german_credit.csv'),
  TRAINER_REFERENCE_LABEL: z.string().min(1).default('class'),
  TRAINER_REFERENCE_POSITIVE: z.string().min(1).default('bad'),
  /**
   * Debian's python3-sklearn installs into the system interpreter, which a pyenv or venv
   * `python3` earlier on the PATH does not see: the system one is the default.
   */
  TRAINER_REFERENCE_PYTHON: z.string().min(1).default('/usr/bin/python3'),
  /** Split, fold and GBM seed: the trainer's `--seed` default. */
  TRAINER_REFERENCE_SEED: z.coerce.number().int().min(0).default(42),
  TRAINER_REFERENCE_FOLDS: z.coerce.number().int().min(2).max(20).default(5),
  /** Share of feature cells blanked in the second variant, and the seed choosing them. */
  TRAINER_REFERENCE_BLANK_SHARE: z.coerce.number().min(0).max(1).default(0.2),
  TRAINER_REFERENCE_BLANK_SEED: z.coerce.number().int().min(0).default(2026),
  /** 1 keeps the temporary folder (exported split, matrices, blanked CSV, models, sklearn output). */
  TRAINER_REFERENCE_KEEP: z.enum(['0', '1']).default('0'),
};

export type TrainerReferenceConfig = ReturnType<typeof loadConfig<typeof trainerReferenceConfigShape>>;

export function loadTrainerReferenceConfig(
  env: Record<string, string | undefined> = process.env,
): TrainerReferenceConfig {
  return loadConfig(trainerReferenceConfigShape, env);
}
