import { auc, type CrossValidationResult, type Dataset, type ModelKind, subsetDataset } from '@loanmesh/ml';

import { stratifiedFolds, stratifiedSplit } from './data-split';
import { fitModel, type HyperParameters } from './model.factory';

/**
 * k-fold stratified cross-validated AUC. Within each fold a fifth of the training part is held
 * out for early stopping, so the scored fold never influences the model.
 */
export function crossValidate(
  kind: ModelKind,
  data: Dataset,
  hp: HyperParameters,
  folds: number,
  seed: number,
): CrossValidationResult {
  const fold = stratifiedFolds(data.labels, folds, seed);
  const aucPerFold: number[] = [];
  for (let k = 0; k < folds; k++) {
    const rest = subsetDataset(
      data,
      indices(fold, (f) => f !== k),
    );
    const heldOut = subsetDataset(
      data,
      indices(fold, (f) => f === k),
    );
    const inner = stratifiedSplit(rest.labels, [0.8, 0.2, 0], seed + k);
    const fitted = fitModel(kind, subsetDataset(rest, inner.train), subsetDataset(rest, inner.validation), hp);
    aucPerFold.push(
      auc(
        heldOut.rows.map((r) => fitted.predict(r)),
        heldOut.labels,
      ),
    );
  }
  const meanAuc = aucPerFold.reduce((s, a) => s + a, 0) / folds;
  const stdAuc = Math.sqrt(aucPerFold.reduce((s, a) => s + (a - meanAuc) ** 2, 0) / Math.max(1, folds - 1));
  return { folds, aucPerFold, meanAuc, stdAuc };
}

function indices(fold: number[], keep: (f: number) => boolean): number[] {
  return fold.flatMap((f, i) => (keep(f) ? [i] : []));
}
