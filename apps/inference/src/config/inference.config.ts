import { z } from 'zod';

import { databaseConfig, httpConfig, kafkaConfig } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';
import { serviceAuthConfig } from '@loanmesh/service-auth';

/** Everything the inference service reads from its environment, validated once at boot. */
export const inferenceConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...databaseConfig,
  ...serviceAuthConfig,
  /** Directory of trained models (`<name>.onnx`, `.meta.json`, `.card.json`, `.model.json`) registered at start-up. */
  MODEL_DIR: z.string().min(1).default('models/world'),
  /**
   * Where `npm run retrain` writes a challenger for `POST /models/shadow` to register (a volume
   * shared with the retrain job in a cluster); the request names a model, never a path.
   */
  RETRAIN_MODEL_DIR: z.string().min(1).default('models/retrained'),
  /**
   * The model made champion when the registry has none yet. Unset (the default): the champion
   * the trainer's selection rule recorded in the model cards (`champion.champion`), so the
   * served default follows the rule; set it only to pin a model on purpose.
   */
  INITIAL_CHAMPION: z.string().min(1).optional(),
  /** The tabular-only model used when graph features are missing or the champion cannot run. */
  FALLBACK_MODEL: z.string().min(1).default('world-gbm-tabular'),
  /** A candidate may be promoted to champion when its test AUC is at most this much below the champion's. */
  PROMOTION_AUC_MARGIN: z.coerce.number().min(0).max(0.5).default(0.01),
  /** How often each replica re-reads the registry so a promotion made elsewhere reaches it (ms). */
  MODEL_SYNC_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** A champion slower than this on one application hands over to the standby (ms; only when a standby is loaded). */
  CHAMPION_LATENCY_BUDGET_MS: z.coerce.number().int().min(1).max(60000).default(1000),
  /** How long a champion that handed over is bypassed before one application tries it again (ms). */
  STANDBY_RETRY_MS: z.coerce.number().int().min(100).default(30000),
  /**
   * Share of applications the policy approves, lowest PD first, for "bad rate at the approval
   * rate" in the champion/challenger comparison. Review's policy is a PD cut-off, not a rate,
   * so inference cannot derive it: set it to the live approval rate (0.7 matches the trainer's).
   */
  COMPARISON_APPROVAL_RATE: z.coerce.number().gt(0).lt(1).default(0.7),
  /** Bootstrap resamples behind each comparison interval (seeded, so a report repeats exactly). */
  COMPARISON_BOOTSTRAP_RESAMPLES: z.coerce.number().int().min(100).max(10_000).default(1000),
  COMPARISON_BOOTSTRAP_SEED: z.coerce.number().int().min(0).default(42),
  /** PSI at or above this is drift to watch; at or above DRIFT_PSI_ACT, drift to act on. */
  DRIFT_PSI_WATCH: z.coerce.number().gt(0).default(0.1),
  DRIFT_PSI_ACT: z.coerce.number().gt(0).default(0.25),
  /** Fewer scored applications than this in a period: too few for a PSI ("insufficient-data"). */
  DRIFT_MIN_APPLICATIONS: z.coerce.number().int().min(1).default(100),
  /** A feature's missing share rising by at least this much over its baseline is a data problem. */
  DRIFT_MISSING_JUMP: z.coerce.number().gt(0).max(1).default(0.2),
  /** How often the drift monitor checks the current day and month and raises alerts (ms; 0 = never). */
  DRIFT_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).default(900_000),
};

export type InferenceConfig = ReturnType<typeof loadConfig<typeof inferenceConfigShape>>;
