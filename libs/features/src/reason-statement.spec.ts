import type { FeatureSpecEntry } from './feature-spec.types';
import { featureSpec } from './feature-vector.builder';
import { formatFeatureValue, isOnRiskySide, reasonStatement, referenceOf } from './reason-statement';

const spec = featureSpec({ includeGraph: true });
const named = (name: string): FeatureSpecEntry => spec.find((f) => f.name === name)!;

describe(formatFeatureValue.name, () => {
  it.each([
    ['money', -12300, '\u221212,300'],
    ['money', 1250000.4, '1,250,000'],
    ['count', 5, '5'],
    ['months', 7, '7 months'],
    ['months', 1, '1 month'],
    ['ratio', 0.854, '0.85×'],
    ['share', 0.31, '31%'],
    ['share', -0.0345, '\u22123.5%'],
    ['score', 0.724, '0.72'],
    ['category', 47, '47'],
    ['flag', 1, ''],
  ] as const)('should quote a %s value %p as %p', (format, value, text) => {
    expect(formatFeatureValue(format, value)).toBe(text);
  });

  it('should not print a minus sign for a value that rounds to zero', () => {
    expect(formatFeatureValue('money', -0.2)).toBe('0');
  });
});

describe(reasonStatement.name, () => {
  it('should quote the value on the risky side of the reference', () => {
    expect(reasonStatement(named('priorLoans'), 1, 3)).toBe('Little borrowing history: 1 earlier loan with the bank');
    expect(reasonStatement(named('companyAgeMonths'), 7, 60)).toBe('Company is young: registered 7 months ago');
    expect(reasonStatement(named('netProfit'), -12300, 40000)).toBe('Low net profit: \u221212,300');
    expect(reasonStatement(named('graph_sharedIdentifierBadCompanies'), 1, 0)).toBe(
      'Shares identifiers with 1 company that defaulted',
    );
  });

  it('should use the zero text at the floor of a lower-is-riskier count even when the median is 0', () => {
    expect(reasonStatement(named('priorLoans'), 0, 0)).toBe('No borrowing history with the bank');
  });

  it('should give no statement on the safe side of the reference', () => {
    expect(reasonStatement(named('priorLoans'), 2, 0)).toBeUndefined();
    expect(reasonStatement(named('loanAmount'), 100_000, 100_000)).toBeUndefined();
    expect(reasonStatement(named('companyAgeMonths'), 90, 60)).toBeUndefined();
  });

  it('should state an indicator only in its risky state', () => {
    expect(reasonStatement(named('legalForm_LLC'), 1, undefined)).toBe('Legal form is llc');
    expect(reasonStatement(named('legalForm_LLC'), 0, undefined)).toBeUndefined();
    expect(reasonStatement(named('graph_inGuaranteeCircle'), 0, undefined)).toBeUndefined();
  });

  it('should never state a "nothing found" value', () => {
    expect(reasonStatement(named('graph_distanceToDefault'), 0, 3)).toBeUndefined();
    expect(reasonStatement(named('graph_distanceToDefault'), 1, 3)).toBe(
      'A defaulted company is 1 step away in the network',
    );
  });

  it('should name any category, which has no risky end', () => {
    expect(isOnRiskySide(named('industryDivision'), 47, undefined)).toBe(true);
  });
});

describe(referenceOf.name, () => {
  it('should prefer the stored median and fall back to the spec', () => {
    expect(referenceOf(named('priorDefaults'), { priorDefaults: 1 })).toBe(1);
    expect(referenceOf(named('priorDefaults'), undefined)).toBe(0);
    expect(referenceOf(named('loanAmount'), undefined)).toBeUndefined();
  });
});

describe('feature spec reasons', () => {
  it('should give every feature a reason text that quotes its value unless it is a flag', () => {
    spec.forEach((f) => {
      expect(f.reason.format === 'flag' || f.reason.text.includes('{value}')).toBe(true);
    });
  });
});
