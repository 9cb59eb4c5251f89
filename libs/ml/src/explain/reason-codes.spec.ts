import { featureSpec, type FeatureSpecEntry } from '@loanmesh/features';

import { topReasons } from './reason-codes';

describe(topReasons.name, () => {
  const entry = (name: string, direction: FeatureSpecEntry['direction'], text: string): FeatureSpecEntry => ({
    name,
    group: 'tabular',
    direction,
    description: text,
    reason: { format: direction === 'indicator' ? 'flag' : 'count', text },
  });
  const spec: FeatureSpecEntry[] = [
    entry('loans', 'lower-is-riskier', '{value} loans'),
    entry('defaults', 'higher-is-riskier', '{value} defaults'),
    entry('llc', 'indicator', 'Legal form is LLC'),
    entry('missed', 'higher-is-riskier', '{value} missed'),
    entry('records', 'higher-is-riskier', '{value} records'),
  ];
  const references = { loans: 2, defaults: 0, missed: 0, records: 0 };

  it('should state each reason with the applicant value, largest contribution first', () => {
    const reasons = topReasons({
      contributions: [0.2, 0.5, 0.3, 0.1, -0.4],
      values: [1, 3, 1, 2, 4],
      spec,
      references,
    });
    expect(reasons.map((r) => r.text)).toEqual(['3 defaults', 'Legal form is LLC', '1 loans', '2 missed']);
    expect(reasons[0]).toEqual({
      code: 'M-defaults',
      feature: 'defaults',
      contribution: 0.5,
      text: '3 defaults',
      source: 'MODEL',
      value: 3,
    });
  });

  it('should drop a contribution whose value is on the safe side of the reference, not relabel it', () => {
    const reasons = topReasons({
      contributions: [0.9, 0.5, 0.3, 0.2, 0],
      // 5 loans is above the reference 2 (safe for lower-is-riskier); 0 defaults; not an LLC.
      values: [5, 0, 0, 1, 0],
      spec,
      references,
    });
    expect(reasons.map((r) => r.feature)).toEqual(['missed']);
  });

  it('should drop contributions below the minimum even when consistent', () => {
    const reasons = topReasons({ contributions: [0, 0.009, 0, 0.011, 0], values: [0, 1, 0, 1, 0], spec, references });
    expect(reasons.map((r) => r.feature)).toEqual(['missed']);
  });

  it('should give no reason for a directional feature without a reference', () => {
    const reasons = topReasons({ contributions: [0, 0.5, 0, 0, 0], values: [0, 3, 0, 0, 0], spec });
    expect(reasons).toEqual([]);
  });

  it('should stop at the limit', () => {
    const reasons = topReasons({
      contributions: [0.2, 0.5, 0.3, 0.1, 0.4],
      values: [1, 3, 1, 2, 4],
      spec,
      references,
      limit: 2,
    });
    expect(reasons.map((r) => r.feature)).toEqual(['defaults', 'records']);
  });

  it('should say "No borrowing history" for an applicant without prior loans on the real spec', () => {
    const real = featureSpec({ includeGraph: false });
    const index = real.findIndex((f) => f.name === 'priorLoans');
    const contributions = real.map((_, i) => (i === index ? 0.3 : 0));
    const values = real.map(() => 0);
    const reasons = topReasons({ contributions, values, spec: real, references: { priorLoans: 0 } });
    expect(reasons.map((r) => r.text)).toEqual(['No borrowing history with the bank']);
  });
});
