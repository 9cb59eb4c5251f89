import { featureSpec } from '@loanmesh/features';
import {
  applyCalibration,
  type Explanation,
  ScorecardExplainer,
  scorecardLogit,
  sigmoid,
  topReasons,
  TreeEnsembleEvaluator,
  TreeShapExplainer,
} from '@loanmesh/ml';

import type { ModelArtifact } from '../training/model-artifact.builder';

export interface ChallengerScores {
  pd: Float64Array;
  reasonCodes: string[][];
}

/**
 * The new model on served vectors as serving would answer: the recalibrated PD and the model
 * reason codes (TreeSHAP or scorecard terms, judged against the training medians).
 */
export function scoreChallenger(
  artifact: ModelArtifact,
  vectors: Float64Array[],
  includeGraph: boolean,
): ChallengerScores {
  const model = artifact.model;
  const recalibration = artifact.card.calibration.recalibration;
  let probability: (row: Float64Array) => number;
  let explain: (row: Float64Array) => Explanation;
  if (model.kind === 'scorecard') {
    const explainer = new ScorecardExplainer(model);
    probability = (row) => sigmoid(scorecardLogit(model, row));
    explain = (row) => explainer.explain(row);
  } else {
    const evaluator = new TreeEnsembleEvaluator(model);
    const shap = new TreeShapExplainer(model);
    probability = (row) => evaluator.probability(row);
    explain = (row) => shap.explain(row);
  }
  const spec = featureSpec({ includeGraph });
  return {
    pd: Float64Array.from(vectors, (v) => applyCalibration(recalibration, probability(v))),
    reasonCodes: vectors.map((v) =>
      topReasons({
        contributions: explain(v).contributions,
        values: v,
        spec,
        references: artifact.references.references,
      }).map((r) => r.code),
    ),
  };
}
