import {
  type Dataset,
  type FeatureImportance,
  type GbmParams,
  gainImportance,
  GradientBoostingTrainer,
  informationValueImportance,
  type ModelKind,
  type MonotoneConstraint,
  type ScorecardParams,
  ScorecardTrainer,
  scorecardLogit,
  sigmoid,
  type TrainedModel,
  TreeEnsembleEvaluator,
  exportScorecardToOnnx,
  exportTreeEnsembleToOnnx,
} from '@loanmesh/ml';

export interface HyperParameters {
  gbm: Partial<GbmParams>;
  scorecard: Partial<ScorecardParams>;
}

export interface FittedModel {
  model: TrainedModel;
  predict: (row: ArrayLike<number>) => number;
  importance: { kind: 'gain' | 'information-value'; values: FeatureImportance[] };
  hyperParameters: object;
  /** The GBM's monotone constraints in feature order; null when it had none (and for scorecards). */
  monotoneConstraints: readonly MonotoneConstraint[] | null;
  toOnnx: (metadata: Record<string, string>) => Uint8Array;
}

/** Trains one model kind and wraps what the pipeline needs from it. */
export function fitModel(
  kind: ModelKind,
  train: Dataset,
  validation: Dataset | undefined,
  hp: HyperParameters,
): FittedModel {
  switch (kind) {
    case 'gbm': {
      const result = new GradientBoostingTrainer(hp.gbm).train(train, validation);
      const evaluator = new TreeEnsembleEvaluator(result.model);
      // The constraints get their own, named entry in the card and meta instead of a bare vector here.
      const { monotoneConstraints, ...params } = result.params;
      return {
        model: result.model,
        predict: (row) => evaluator.probability(row),
        importance: { kind: 'gain', values: gainImportance(result.model) },
        hyperParameters: { ...params, treesKept: result.treesKept },
        monotoneConstraints: monotoneConstraints.some((c) => c !== 0) ? monotoneConstraints : null,
        toOnnx: (metadata) => exportTreeEnsembleToOnnx(result.model, metadata),
      };
    }
    case 'scorecard': {
      const trainer = new ScorecardTrainer(hp.scorecard);
      const model = trainer.train(train);
      return {
        model,
        predict: (row) => sigmoid(scorecardLogit(model, row)),
        importance: { kind: 'information-value', values: informationValueImportance(model) },
        hyperParameters: { ...trainer.params, termsKept: model.terms.length },
        monotoneConstraints: null,
        toOnnx: (metadata) => exportScorecardToOnnx(model, metadata),
      };
    }
  }
}
