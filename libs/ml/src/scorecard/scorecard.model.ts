import { woeOf } from './woe-binning';

/** One scorecard characteristic: a binned feature with its weight. */
export interface ScorecardTerm {
  feature: number;
  name: string;
  /** float32 bin edges; bin b holds edges[b-1] <= x < edges[b]. */
  edges: number[];
  woe: number[];
  coefficient: number;
  /** Training mean of coefficient x WoE: the term's share of the base value. */
  meanContribution: number;
  /** Scorecard points per bin (higher = safer), see ScorecardScaling. */
  points: number[];
  informationValue: number;
}

/** Points = offset - factor x logit, factor = pdo / ln 2, so `pdo` points double the good:bad odds. */
export interface ScorecardScaling {
  pdo: number;
  baseScore: number;
  baseOdds: number;
}

export interface ScorecardModel {
  kind: 'scorecard';
  featureNames: string[];
  intercept: number;
  terms: ScorecardTerm[];
  scaling: ScorecardScaling;
}

/** logit = intercept + sum of coefficient x WoE(bin of x). */
export function scorecardLogit(model: ScorecardModel, row: ArrayLike<number>): number {
  return model.terms.reduce((sum, term) => sum + term.coefficient * woeOf(term, row[term.feature]), model.intercept);
}

/** Total points for a row: the sum of its bins' points. */
export function scorecardPoints(model: ScorecardModel, row: ArrayLike<number>): number {
  return model.terms.reduce((sum, term) => {
    const x = Math.fround(row[term.feature]);
    const bin = term.edges.filter((e) => x >= e).length;
    return sum + term.points[bin];
  }, 0);
}
