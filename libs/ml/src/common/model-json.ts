import type { RegressionTree, TreeEnsembleModel } from '../gbm/tree-ensemble.model';
import type { ScorecardModel } from '../scorecard/scorecard.model';

export type TrainedModel = TreeEnsembleModel | ScorecardModel;

/** Plain-JSON form of a trained model, so serving can explain (TreeSHAP) what ONNX scores. */
export function modelToJson(model: TrainedModel): unknown {
  if (model.kind === 'scorecard') {
    return model;
  }
  return {
    ...model,
    trees: model.trees.map((t) =>
      Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Array.from(v as ArrayLike<number>)])),
    ),
  };
}

export function treeEnsembleFromJson(json: {
  featureNames: string[];
  baseScore: number;
  trees: (Record<Exclude<keyof RegressionTree, 'missingLeft'>, number[]> & { missingLeft?: number[] })[];
}): TreeEnsembleModel {
  return {
    kind: 'gbm',
    featureNames: json.featureNames,
    baseScore: json.baseScore,
    trees: json.trees.map((t) => ({
      feature: Int32Array.from(t.feature),
      threshold: Float32Array.from(t.threshold),
      left: Int32Array.from(t.left),
      right: Int32Array.from(t.right),
      value: Float64Array.from(t.value),
      cover: Float64Array.from(t.cover),
      gain: Float64Array.from(t.gain),
      // Artifacts from before missing-value support sent NaN right everywhere, as ONNX did.
      missingLeft: t.missingLeft ? Uint8Array.from(t.missingLeft) : new Uint8Array(t.feature.length),
    })),
  };
}
