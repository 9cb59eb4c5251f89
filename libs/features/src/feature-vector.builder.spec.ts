import { GRAPH_FEATURE_NAMES, type FeatureInput } from '@loanmesh/contracts';

import { buildFeatureVector, FEATURE_VERSION, featureNames, featureSpec } from './feature-vector.builder';
import { SyntheticHistoryFactory } from './testing/synthetic-history.factory';

const makeInput = (overrides: Partial<FeatureInput> = {}): FeatureInput => ({
  ...new SyntheticHistoryFactory(1).row(0, 0).input,
  application: {
    applicationId: 'a1',
    companyId: 'c1',
    amount: 120_000,
    termMonths: 24,
    purpose: 'EQUIPMENT',
    submittedAt: '2024-03-10T09:00:00Z',
  },
  company: {
    companyId: 'c1',
    registeredAt: '2021-03-15',
    registeredCapital: 60_000,
    legalForm: 'JSC',
    industryCode: '47.11',
    region: 'North',
    employees: 0,
    annualRevenue: 480_000,
    financials: { totalAssets: 400_000, totalLiabilities: 300_000, netProfit: -24_000, currentRatio: 1.2 },
  },
  history: {
    priorLoans: 2,
    priorDefaults: 1,
    missedPayments12m: 3,
    outstandingExposure: 48_000,
    activePublicRecords: 0,
  },
  ...overrides,
});

const valueOf = (vector: Float64Array, name: string, includeGraph = true): number =>
  vector[featureNames({ includeGraph }).indexOf(name)];

describe('buildFeatureVector', () => {
  it('should compute derived tabular features exactly when given a known application', () => {
    const v = buildFeatureVector(makeInput(), { includeGraph: false });
    const expected: Record<string, number> = {
      loanAmount: 120_000,
      termMonths: 24,
      companyAgeMonths: 35,
      leverage: 0.75,
      profitMargin: -0.05,
      revenuePerEmployee: 480_000,
      loanToRevenue: 0.25,
      installmentToMonthlyRevenue: 0.125,
      capitalToLoan: 0.5,
      exposureToRevenue: 0.1,
      industryDivision: 47,
      legalForm_JSC: 1,
      legalForm_LLC: 0,
      purpose_EQUIPMENT: 1,
      purpose_EXPANSION: 0,
    };
    for (const [name, value] of Object.entries(expected)) {
      expect([name, valueOf(v, name, false)]).toEqual([name, value]);
    }
  });

  it('should give a tabular-only vector as the prefix of the graph-enhanced one when graph is requested', () => {
    const input = makeInput();
    const tabular = buildFeatureVector(input, { includeGraph: false });
    const full = buildFeatureVector(input, { includeGraph: true });
    expect(full.length).toBe(tabular.length + GRAPH_FEATURE_NAMES.length + 1);
    expect(Array.from(full.subarray(0, tabular.length))).toEqual(Array.from(tabular));
    expect(valueOf(full, 'graph_defaultedNeighbourShare')).toBe(input.graph!.defaultedNeighbourShare);
    expect(valueOf(full, 'graph_missing')).toBe(0);
  });

  it('should fill zeros and set graph_missing when graph features are unavailable', () => {
    const v = buildFeatureVector(makeInput({ graph: null }), { includeGraph: true });
    const graphPart = Array.from(v.subarray(v.length - GRAPH_FEATURE_NAMES.length - 1));
    expect(graphPart).toEqual([...GRAPH_FEATURE_NAMES.map(() => 0), 1]);
  });

  it('should cap ratios when a denominator is zero', () => {
    const input = makeInput();
    const v = buildFeatureVector(
      { ...input, company: { ...input.company, annualRevenue: 0 } },
      { includeGraph: false },
    );
    expect(valueOf(v, 'loanToRevenue', false)).toBe(1e6);
    expect(valueOf(v, 'profitMargin', false)).toBe(-1e6);
  });

  it('should count a month only when its day is reached when computing company age', () => {
    const input = makeInput();
    const before = { ...input, application: { ...input.application, submittedAt: '2024-03-14T23:00:00Z' } };
    const on = { ...input, application: { ...input.application, submittedAt: '2024-03-15T00:00:00Z' } };
    expect(valueOf(buildFeatureVector(before, { includeGraph: false }), 'companyAgeMonths', false)).toBe(35);
    expect(valueOf(buildFeatureVector(on, { includeGraph: false }), 'companyAgeMonths', false)).toBe(36);
  });

  it('should describe every feature once with a unique name when listing the spec', () => {
    const spec = featureSpec({ includeGraph: true });
    expect(new Set(spec.map((f) => f.name)).size).toBe(spec.length);
    expect(spec.every((f) => f.description.length > 5)).toBe(true);
    expect(FEATURE_VERSION).toMatch(/^lm-features-/);
  });
});
