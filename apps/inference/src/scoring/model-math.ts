import { z } from 'zod';

import {
  applyCalibration,
  type Explanation,
  ScorecardExplainer,
  scorecardLogit,
  type ScorecardModel,
  treeEnsembleFromJson,
  TreeEnsembleEvaluator,
  TreeShapExplainer,
} from '@loanmesh/ml';

import type { ModelKind } from '../registry/model-state';

/** The model's own arithmetic in TypeScript: exact explanations and the trainer's logit. */
export interface ModelMath {
  explain(row: ArrayLike<number>): Explanation;
  logit(row: ArrayLike<number>): number;
  /** The served PD from the model's raw probability: the trainer's recalibration, when the model file has one. */
  calibrate(probability: number): number;
}

/** Written by the trainer into `<name>.model.json` (null or absent: the raw probability is the PD). */
const calibrationJson = z.object({
  calibration: z
    .object({ method: z.literal('platt'), slope: z.number().positive(), intercept: z.number(), fittedOn: z.string() })
    .nullish(),
});

const treesJson = z.object({
  featureNames: z.array(z.string()),
  baseScore: z.number(),
  trees: z.array(
    z.object({
      feature: z.array(z.number()),
      threshold: z.array(z.number()),
      left: z.array(z.number()),
      right: z.array(z.number()),
      value: z.array(z.number()),
      cover: z.array(z.number()),
      gain: z.array(z.number()),
      missingLeft: z.array(z.number()).optional(),
    }),
  ),
});

const scorecardJson = z.object({
  kind: z.literal('scorecard'),
  featureNames: z.array(z.string()),
  intercept: z.number(),
  terms: z.array(
    z.object({
      feature: z.number().int(),
      name: z.string(),
      edges: z.array(z.number()),
      woe: z.array(z.number()),
      coefficient: z.number(),
      meanContribution: z.number(),
      points: z.array(z.number()),
      informationValue: z.number(),
    }),
  ),
  scaling: z.object({ pdo: z.number(), baseScore: z.number(), baseOdds: z.number() }),
});

/** TreeSHAP for tree ensembles, exact term contributions for scorecards. */
export function modelMathFromJson(kind: ModelKind, json: unknown): ModelMath {
  const calibration = calibrationJson.parse(json).calibration;
  const calibrate = (p: number): number => applyCalibration(calibration, p);
  if (kind === 'gbm') {
    const model = treeEnsembleFromJson(treesJson.parse(json));
    const shap = new TreeShapExplainer(model);
    const evaluator = new TreeEnsembleEvaluator(model);
    return { explain: (row) => shap.explain(row), logit: (row) => evaluator.logit(row), calibrate };
  }
  const model: ScorecardModel = scorecardJson.parse(json);
  const explainer = new ScorecardExplainer(model);
  return { explain: (row) => explainer.explain(row), logit: (row) => scorecardLogit(model, row), calibrate };
}
