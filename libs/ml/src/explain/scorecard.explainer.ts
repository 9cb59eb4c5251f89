import type { ScorecardModel } from '../scorecard/scorecard.model';
import { woeOf } from '../scorecard/woe-binning';
import type { Explanation } from './tree-shap.explainer';

/**
 * Exact contributions of a linear-in-WoE scorecard: each term's coefficient x WoE minus its
 * training mean, so the base value is the logit of an "average" applicant and the sum is exact.
 */
export class ScorecardExplainer {
  private readonly baseValue: number;

  constructor(private readonly model: ScorecardModel) {
    this.baseValue = model.terms.reduce((s, t) => s + t.meanContribution, model.intercept);
  }

  explain(row: ArrayLike<number>): Explanation {
    const contributions = new Float64Array(this.model.featureNames.length);
    for (const term of this.model.terms) {
      contributions[term.feature] += term.coefficient * woeOf(term, row[term.feature]) - term.meanContribution;
    }
    return { baseValue: this.baseValue, contributions };
  }
}
