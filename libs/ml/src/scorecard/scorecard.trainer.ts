import type { Dataset } from '../common/dataset';
import { fitLogisticIrls } from './logistic-regression.solver';
import type { ScorecardModel, ScorecardScaling, ScorecardTerm } from './scorecard.model';
import { fitWoeBinning, type WoeBinning, type WoeBinningOptions, woeOf } from './woe-binning';

export interface ScorecardParams extends WoeBinningOptions {
  /** Features whose information value is below this are left out (0.02 = "not predictive"). */
  minInformationValue: number;
  l2: number;
  scaling: ScorecardScaling;
}

export const DEFAULT_SCORECARD_PARAMS: ScorecardParams = {
  initialBins: 10,
  minBinShare: 0.05,
  minInformationValue: 0.02,
  l2: 1,
  scaling: { pdo: 20, baseScore: 600, baseOdds: 50 },
};

/** Logistic scorecard: monotone WoE binning per feature, then L2 logistic regression on WoE. */
export class ScorecardTrainer {
  readonly params: ScorecardParams;

  constructor(params: Partial<ScorecardParams> = {}) {
    this.params = { ...DEFAULT_SCORECARD_PARAMS, ...params };
  }

  train(data: Dataset): ScorecardModel {
    const selected = this.selectFeatures(data);
    if (selected.length === 0) {
      throw new Error('scorecard: no feature has information value above the threshold');
    }
    const design = data.rows.map((row) => Float64Array.from([1, ...selected.map(([f, b]) => woeOf(b, row[f]))]));
    const beta = fitLogisticIrls(design, data.labels, this.params.l2);
    const terms = selected.map(([feature, binning], j) =>
      this.term(data, feature, binning, beta[j + 1], design, j + 1),
    );
    const model: ScorecardModel = {
      kind: 'scorecard',
      featureNames: data.featureNames,
      intercept: beta[0],
      terms,
      scaling: this.params.scaling,
    };
    return withPoints(model);
  }

  private selectFeatures(data: Dataset): [number, WoeBinning][] {
    const selected: [number, WoeBinning][] = [];
    for (let f = 0; f < data.featureNames.length; f++) {
      const binning = fitWoeBinning(
        data.rows.map((r) => r[f]),
        data.labels,
        this.params,
      );
      if (binning.woe.length >= 2 && binning.informationValue >= this.params.minInformationValue) {
        selected.push([f, binning]);
      }
    }
    return selected;
  }

  private term(
    data: Dataset,
    feature: number,
    binning: WoeBinning,
    coefficient: number,
    design: Float64Array[],
    column: number,
  ): ScorecardTerm {
    const meanWoe = design.reduce((s, row) => s + row[column], 0) / design.length;
    return {
      feature,
      name: data.featureNames[feature],
      edges: binning.edges,
      woe: binning.woe,
      coefficient,
      meanContribution: coefficient * meanWoe,
      points: [],
      informationValue: binning.informationValue,
    };
  }
}

/** Spreads offset and intercept evenly over the terms so each row's points sum to its score. */
function withPoints(model: ScorecardModel): ScorecardModel {
  const { pdo, baseScore, baseOdds } = model.scaling;
  const factor = pdo / Math.LN2;
  const offset = baseScore - factor * Math.log(baseOdds);
  const share = (offset - factor * model.intercept) / model.terms.length;
  const terms = model.terms.map((t) => ({ ...t, points: t.woe.map((w) => share - factor * t.coefficient * w) }));
  return { ...model, terms };
}
