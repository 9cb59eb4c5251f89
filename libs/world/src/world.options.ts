/** A period during which one industry or region suffers higher default risk. */
export interface DownturnOption {
  readonly kind: 'industry' | 'region';
  /** Industry code or region name. */
  readonly target: string;
  readonly from: string;
  readonly to: string;
  /** Added to the default log-odds of applications submitted inside the period. */
  readonly logit: number;
}

/** Every knob of the world; documented one by one in docs/world.md. */
export interface WorldOptions {
  readonly seed: number;
  /** Multiplies every count below (1 = the default 120k+ entity world). */
  readonly scale: number;
  /** First day of the lending history (loans are originated from here on). */
  readonly historyStart: string;
  /** The world clock: the backlog ends here and the live stream starts here. */
  readonly now: string;
  readonly companies: number;
  /** Yearly application rate of an ordinary company. */
  readonly applicationsPerCompanyYear: number;
  readonly baseLogit: number;
  readonly businessGroups: { readonly share: number; readonly effectSigma: number };
  readonly guaranteeCircles: {
    readonly count: number;
    readonly minSize: number;
    readonly maxSize: number;
    readonly logit: number;
  };
  readonly reciprocalGuarantees: { readonly count: number; readonly logit: number };
  readonly fraudRings: {
    readonly count: number;
    readonly minSize: number;
    readonly maxSize: number;
    readonly logit: number;
  };
  readonly shellCompanies: {
    readonly count: number;
    readonly perAddress: number;
    readonly applyShare: number;
    readonly logit: number;
  };
  readonly circularOwnership: { readonly count: number };
  readonly supplierConcentration: {
    readonly share: number;
    readonly logit: number;
    readonly customerDefaultLogit: number;
  };
  /** Harmless look-alikes of the planted structures (no added default risk; own PRNG streams). */
  readonly lookAlikes: LookAlikeOptions;
  readonly contagion: { readonly logitPerDefaultedNeighbour: number; readonly cap: number };
  readonly downturns: readonly DownturnOption[];
  readonly duplicates: { readonly personShare: number; readonly companyShare: number };
}

export interface LookAlikeOptions {
  /** Addresses shared by many healthy companies (serviced offices). */
  readonly businessCentres: { readonly count: number; readonly minSize: number; readonly maxSize: number };
  /** Phones shared by many healthy companies (their accountant's office number). */
  readonly accountantOffices: { readonly count: number; readonly minSize: number; readonly maxSize: number };
  /** Healthy business groups whose members cross-guarantee each other in a cycle. */
  readonly groupCrossGuarantees: { readonly count: number };
  /** Young, tiny, healthy companies; `centreShare` of them registered at a business centre. */
  readonly youngHealthy: { readonly count: number; readonly centreShare: number };
  /** Share of fraud-ring members whose own filings look like a sound company's. */
  readonly cleanRingShare: number;
}

export const DEFAULT_DOWNTURNS: readonly DownturnOption[] = [
  { kind: 'industry', target: 'I56', from: '2020-03-15', to: '2021-09-30', logit: 1.0 },
  { kind: 'industry', target: 'I55', from: '2020-03-15', to: '2021-09-30', logit: 1.0 },
  { kind: 'industry', target: 'F41', from: '2022-06-01', to: '2023-09-30', logit: 0.8 },
  { kind: 'region', target: 'North East', from: '2021-10-01', to: '2023-03-31', logit: 0.7 },
];

/** Builds the options for a seed and scale; counts of planted structures scale with the world. */
export function worldOptions(seed = 42, scale = 1, overrides: Partial<WorldOptions> = {}): WorldOptions {
  const n = (base: number): number => Math.max(1, Math.round(base * scale));
  return {
    seed,
    scale,
    historyStart: '2019-01-01',
    now: '2025-01-01',
    companies: n(20_000),
    applicationsPerCompanyYear: 0.2,
    baseLogit: -2.95,
    businessGroups: { share: 0.15, effectSigma: 0.6 },
    guaranteeCircles: { count: n(100), minSize: 3, maxSize: 5, logit: 1.4 },
    reciprocalGuarantees: { count: n(80), logit: 1.0 },
    fraudRings: { count: n(40), minSize: 3, maxSize: 6, logit: 2.6 },
    shellCompanies: { count: n(300), perAddress: 8, applyShare: 0.4, logit: 1.8 },
    circularOwnership: { count: n(15) },
    supplierConcentration: { share: 0.08, logit: 0.6, customerDefaultLogit: 1.5 },
    lookAlikes: {
      businessCentres: { count: n(60), minSize: 6, maxSize: 16 },
      accountantOffices: { count: n(60), minSize: 4, maxSize: 10 },
      groupCrossGuarantees: { count: n(120) },
      youngHealthy: { count: n(500), centreShare: 0.4 },
      cleanRingShare: 0.6,
    },
    contagion: { logitPerDefaultedNeighbour: 0.5, cap: 3 },
    downturns: DEFAULT_DOWNTURNS,
    duplicates: { personShare: 0.02, companyShare: 0.01 },
    ...overrides,
  };
}
