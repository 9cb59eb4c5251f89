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
};

export type InferenceConfig = ReturnType<typeof loadConfig<typeof inferenceConfigShape>>;
