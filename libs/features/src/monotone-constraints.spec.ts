import { featureSpec } from './feature-vector.builder';
import { monotoneConstraintOf, monotoneConstraints } from './monotone-constraints';

describe('monotoneConstraints', () => {
  const spec = featureSpec({ includeGraph: true });
  const byName = Object.fromEntries(spec.map((entry) => [entry.name, monotoneConstraintOf(entry)]));

  it('should follow the declared direction: +1 for higher-is-riskier, -1 for lower-is-riskier', () => {
    expect(byName.loanAmount).toBe(1);
    expect(byName.missedPayments12m).toBe(1);
    expect(byName.graph_sharedIdentifierCompanies).toBe(1);
    expect(byName.companyAgeMonths).toBe(-1);
    expect(byName.priorLoans).toBe(-1);
    const mismatched = spec.filter(
      (e) =>
        e.reason.notFoundValue === undefined &&
        ((e.direction === 'higher-is-riskier' && byName[e.name] !== 1) ||
          (e.direction === 'lower-is-riskier' && byName[e.name] !== -1)),
    );
    expect(mismatched.map((e) => e.name)).toEqual([]);
  });

  it('should constrain a risk flag upwards and leave categories and one-hot levels free', () => {
    expect(byName.graph_inGuaranteeCircle).toBe(1);
    expect(byName.graph_nearestDefaultFound).toBe(1);
    expect(byName.graph_circularOwnership).toBe(1);
    expect(byName.graph_missing).toBe(1);
    expect(byName.industryDivision).toBe(0);
    expect(byName.regionCode).toBe(0);
    expect(byName.legalForm_LLC).toBe(0);
    expect(byName.purpose_REFINANCING).toBe(0);
  });

  it('should leave a feature free when its "nothing found" code sits next to its risky end', () => {
    // distance 0 = no defaulted company in reach (safe), 1 = a defaulted neighbour (riskiest).
    expect(byName.graph_distanceToDefault).toBe(0);
  });

  it('should give one constraint per feature in vector order, the tabular ones a prefix', () => {
    const tabular = monotoneConstraints({ includeGraph: false });
    const graph = monotoneConstraints({ includeGraph: true });
    expect(graph).toEqual(spec.map((e) => byName[e.name]));
    expect(graph.slice(0, tabular.length)).toEqual(tabular);
  });
});
