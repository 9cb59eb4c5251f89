import { z } from 'zod';

import { signerConfig } from '@loanmesh/service-auth';

/** What `npm run retrain` reads from its environment, validated once at start. */
export const retrainConfigShape = {
  ...signerConfig,
  /** The inference service: its labelled outcomes are read and the challenger registered there. */
  INFERENCE_URL: z.string().url().default('http://127.0.0.1:3003'),
  /** Where the challenger's artifacts are written; inference's RETRAIN_MODEL_DIR must be the same place. */
  RETRAIN_MODEL_DIR: z.string().min(1).default('models/retrained'),
  /**
   * Share of the outcomes scored by the serving champion (the newest) held out of training and
   * used only to judge the challenger against the champion.
   */
  RETRAIN_HOLDOUT_SHARE: z.coerce.number().gt(0).lt(1).default(0.5),
  /** Fewer held-out outcomes than this (or no default or no repayment among them): not judged, not registered. */
  RETRAIN_MIN_OUTCOMES: z.coerce.number().int().min(2).default(30),
  /** Refused when the upper end of the challenger-minus-champion AUC interval is below minus this. */
  RETRAIN_AUC_MARGIN: z.coerce.number().min(0).max(0.5).default(0.02),
  /** Largest |mean PD − observed default rate| on the held-out outcomes, unless the champion's is larger. */
  RETRAIN_MAX_CALIBRATION_GAP: z.coerce.number().gt(0).max(1).default(0.05),
  /** Smallest mean overlap (Jaccard) of champion and challenger model reason codes on the same applications. */
  RETRAIN_MIN_REASON_OVERLAP: z.coerce.number().min(0).max(1).default(0.5),
  /** As inference's COMPARISON_APPROVAL_RATE: the share approved for "bad rate at the approval rate". */
  RETRAIN_APPROVAL_RATE: z.coerce.number().gt(0).lt(1).default(0.7),
  RETRAIN_BOOTSTRAP_RESAMPLES: z.coerce.number().int().min(100).max(10_000).default(1000),
  RETRAIN_BOOTSTRAP_SEED: z.coerce.number().int().min(0).default(42),
};

export type RetrainConfig = Readonly<z.infer<z.ZodObject<typeof retrainConfigShape>>>;
