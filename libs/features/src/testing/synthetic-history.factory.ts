import type { FeatureInput, GraphFeatures } from '@loanmesh/contracts';

/** One labelled application as the world generator writes it to history/*.jsonl. */
export interface HistoryRow {
  applicationId: string;
  submittedAt: string;
  label: 0 | 1;
  trueProbability: number;
  input: FeatureInput;
}

const FORMS = ['LLC', 'JSC', 'SOLE_PROPRIETOR', 'PARTNERSHIP'] as const;
const PURPOSES = ['WORKING_CAPITAL', 'EQUIPMENT', 'EXPANSION', 'REFINANCING', 'TRADE_FINANCE'] as const;

/**
 * Seeded synthetic applications with a known default probability that depends on both
 * tabular and graph risk, for tests and benchmarks (not a substitute for the world generator).
 */
export class SyntheticHistoryFactory {
  private state: number;

  constructor(seed = 7) {
    this.state = seed >>> 0;
  }

  rows(count: number, startDay = 0): HistoryRow[] {
    return Array.from({ length: count }, (_, i) => this.row(i, startDay + Math.floor(i / 10)));
  }

  row(index: number, day: number, overrides: Partial<FeatureInput> = {}): HistoryRow {
    const submittedAt = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString();
    const input: FeatureInput = { ...this.input(`app-${index}`, submittedAt), ...overrides };
    const trueProbability = this.probability(input);
    const label = this.next() < trueProbability ? 1 : 0;
    return { applicationId: input.application.applicationId, submittedAt, label, trueProbability, input };
  }

  private input(applicationId: string, submittedAt: string): FeatureInput {
    const revenue = Math.round(50_000 + this.next() * 2_000_000);
    const assets = Math.round(revenue * (0.3 + this.next()));
    const ageYears = Math.floor(this.next() * 20);
    return {
      application: {
        applicationId,
        companyId: `co-${applicationId}`,
        submittedAt,
        amount: Math.round(10_000 + this.next() * 300_000),
        termMonths: [12, 24, 36, 60][Math.floor(this.next() * 4)],
        purpose: PURPOSES[Math.floor(this.next() * PURPOSES.length)],
      },
      company: {
        companyId: `co-${applicationId}`,
        registeredAt: `${2023 - ageYears}-0${1 + Math.floor(this.next() * 9)}-15`,
        registeredCapital: Math.round(this.next() * 200_000),
        legalForm: FORMS[Math.floor(this.next() * FORMS.length)],
        industryCode: `${10 + Math.floor(this.next() * 80)}.1`,
        region: ['North', 'South', 'East', 'West'][Math.floor(this.next() * 4)],
        employees: Math.floor(this.next() * 200),
        annualRevenue: revenue,
        financials: {
          totalAssets: assets,
          totalLiabilities: Math.round(assets * this.next() * 1.2),
          netProfit: Math.round(revenue * (this.next() * 0.3 - 0.1)),
          currentRatio: Math.round(this.next() * 300) / 100,
        },
      },
      history: {
        priorLoans: Math.floor(this.next() * 5),
        priorDefaults: this.next() < 0.08 ? 1 : 0,
        missedPayments12m: Math.floor(this.next() ** 3 * 6),
        outstandingExposure: Math.round(this.next() * 100_000),
        activePublicRecords: this.next() < 0.1 ? 1 : 0,
      },
      graph: this.graph(),
    };
  }

  private graph(): GraphFeatures {
    const inCircle = this.next() < 0.2 ? 1 : 0;
    return {
      inGuaranteeCircle: inCircle,
      guaranteeCircleSize: inCircle * (3 + Math.floor(this.next() * 6)),
      reciprocalGuarantees: inCircle * Math.floor(this.next() * 3),
      contingentLiability: inCircle * Math.round(this.next() * 500_000),
      defaultedNeighbourShare: this.next() ** 3,
      judgmentNeighbourShare: this.next() ** 4,
      distanceToDefault: 1 + Math.floor(this.next() * 4),
      nearestDefaultFound: 1,
      sharedIdentifierCompanies: Math.floor(this.next() ** 2 * 5),
      sharedIdentifierBadCompanies: this.next() < 0.1 ? 1 : 0,
      addressCrowding: Math.floor(this.next() * 4),
      shellScore: this.next() ** 4,
      directorNetworkSize: Math.floor(this.next() * 10),
      directorNetworkDefaultRate: this.next() ** 3,
      ownershipChainDepth: Math.floor(this.next() * 4),
      circularOwnership: this.next() < 0.05 ? 1 : 0,
      customerConcentration: this.next(),
      communitySize: 1 + Math.floor(this.next() * 50),
      communityDefaultRate: this.next() ** 2 * 0.5,
    };
  }

  private probability(input: FeatureInput): number {
    const { history, company, application, graph } = input;
    const leverage = company.financials.totalLiabilities / Math.max(1, company.financials.totalAssets);
    const z =
      -2.6 +
      1.5 * history.priorDefaults +
      0.35 * history.missedPayments12m +
      0.9 * leverage +
      (0.5 * application.amount) / Math.max(1, company.annualRevenue) +
      0.6 * history.activePublicRecords +
      (graph
        ? 2.5 * graph.defaultedNeighbourShare +
          1.0 * graph.inGuaranteeCircle +
          1.2 * graph.shellScore +
          0.8 * graph.sharedIdentifierBadCompanies
        : 0);
    return 1 / (1 + Math.exp(-z));
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
