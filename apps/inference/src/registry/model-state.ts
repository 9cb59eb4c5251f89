/** Lifecycle of a registered model version; exactly one champion at a time. */
export const MODEL_STATES = ['candidate', 'challenger', 'champion', 'retired'] as const;
export type ModelState = (typeof MODEL_STATES)[number];

/** States a promotion may move a model to. */
export const PROMOTION_TARGETS = ['champion', 'challenger', 'retired'] as const;
export type PromotionTarget = (typeof PROMOTION_TARGETS)[number];

export type ModelKind = 'gbm' | 'scorecard';
