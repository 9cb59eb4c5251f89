import {
  binOf,
  binProportions,
  type FeatureBaseline,
  featureDistribution,
  psiOfShares,
  type ScoreBaseline,
} from '@loanmesh/ml';

/**
 * `data-problem`: the feature broke (constant, or its missing share jumped), which PSI alone
 * would report as population drift; `no-baseline`: the model's card carries no training
 * distribution for it (cards written before feature baselines).
 */
export type DriftStatus = 'stable' | 'watch' | 'act' | 'data-problem' | 'insufficient-data' | 'no-baseline';

export interface DriftThresholds {
  watch: number;
  act: number;
  minApplications: number;
  missingJump: number;
}

/** One bin: training share, this period's share, and this period's mean raw logit in it (characteristic analysis). */
export interface DriftBin {
  bin: string;
  expected: number;
  actual: number;
  meanLogit: number | null;
}

export interface SubjectDrift {
  subject: string;
  kind: 'score' | 'feature';
  status: DriftStatus;
  psi: number | null;
  applications: number;
  detail: string;
  bins: DriftBin[];
  /**
   * Characteristic analysis: sum over bins of (actual - expected) share times the bin's mean
   * logit this period, i.e. how far the feature's population move alone shifts the mean logit.
   */
  characteristic: number | null;
  missingShare: number | null;
}

export interface PeriodDrift {
  applications: number;
  score: SubjectDrift;
  features: SubjectDrift[];
}

export interface ModelBaseline {
  score: ScoreBaseline;
  features: readonly FeatureBaseline[] | null;
}

/** A stored score: the raw logit and, when kept, the vector in the model's feature order. */
export interface ScoredVector {
  logit: number;
  features: readonly (number | null)[] | null;
}

export function analysePeriod(
  baseline: ModelBaseline,
  featureNames: readonly string[],
  rows: readonly ScoredVector[],
  t: DriftThresholds,
): PeriodDrift {
  const withVectors = rows.filter((r) => r.features !== null);
  return {
    applications: rows.length,
    score: scoreDrift(baseline.score, rows, t),
    features: featureNames.map((name, j) => {
      const b = baseline.features?.find((f) => f.feature === name);
      return b ? featureDrift(b, j, withVectors, t) : unmeasured(name, withVectors.length);
    }),
  };
}

/** The raw (pre-recalibration) probability, the scale the card's score baseline was taken on. */
function rawProbability(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

function scoreDrift(baseline: ScoreBaseline, rows: readonly ScoredVector[], t: DriftThresholds): SubjectDrift {
  const raw = rows.map((r) => rawProbability(r.logit));
  const actual = binProportions(raw, baseline.edges);
  const psi = psiOfShares(baseline.proportions, actual);
  const bins = baseline.proportions.map((expected, k) => ({
    bin: binLabel(baseline.edges, k),
    expected,
    actual: actual[k],
    meanLogit: meanOf(rows.filter((_, i) => binOf(baseline.edges, raw[i]) === k).map((r) => r.logit)),
  }));
  return {
    subject: 'score',
    kind: 'score',
    ...psiVerdict(psi, rows.length, t),
    applications: rows.length,
    bins,
    characteristic: null,
    missingShare: null,
  };
}

function featureDrift(b: FeatureBaseline, j: number, rows: readonly ScoredVector[], t: DriftThresholds): SubjectDrift {
  const values = rows.map((r) => r.features?.[j] ?? null);
  const dist = featureDistribution(b, values);
  const binIndex = (x: number | null) => (x === null ? b.edges.length + 1 : binOf(b.edges, x));
  const expected = [...b.proportions, b.missingShare];
  const overall = meanOf(rows.map((r) => r.logit)) ?? 0;
  const bins = expected.map((e, k) => ({
    bin: k === expected.length - 1 ? 'missing' : binLabel(b.edges, k),
    expected: e,
    actual: dist.shares[k],
    meanLogit: meanOf(rows.filter((_, i) => binIndex(values[i]) === k).map((r) => r.logit)),
  }));
  // Sum(actual - expected) is 0, so a bin with no rows this period may take any common value: the overall mean.
  const characteristic = bins.reduce((s, x) => s + (x.actual - x.expected) * (x.meanLogit ?? overall), 0);
  const problem = dataProblem(b, dist.missingShare, dist.distinctPresent, values, t);
  const verdict =
    rows.length >= t.minApplications && problem !== undefined
      ? { status: 'data-problem' as const, detail: problem }
      : psiVerdict(dist.psi, rows.length, t);
  return {
    subject: b.feature,
    kind: 'feature',
    ...verdict,
    psi: dist.psi,
    applications: rows.length,
    bins,
    characteristic,
    missingShare: dist.missingShare,
  };
}

/** A broken feed rather than a moved population: the feature went constant, or went missing far more often. */
function dataProblem(
  b: FeatureBaseline,
  missingShare: number,
  distinctPresent: number,
  values: readonly (number | null)[],
  t: DriftThresholds,
): string | undefined {
  if (missingShare - b.missingShare >= t.missingJump) {
    return `missing in ${pct(missingShare)} of applications against ${pct(b.missingShare)} in training`;
  }
  const variedInTraining = b.proportions.filter((p) => p > 0.01).length >= 2;
  if (variedInTraining && distinctPresent === 1) {
    return `constant at ${String(values.find((x) => x !== null))} while it varied in training`;
  }
  return undefined;
}

function psiVerdict(psi: number, n: number, t: DriftThresholds): { status: DriftStatus; psi: number; detail: string } {
  if (n < t.minApplications) {
    return { status: 'insufficient-data', psi, detail: `${n} applications, fewer than ${t.minApplications}` };
  }
  const status = psi >= t.act ? 'act' : psi >= t.watch ? 'watch' : 'stable';
  return { status, psi, detail: `PSI ${psi.toFixed(3)} (watch ${t.watch}, act ${t.act})` };
}

function unmeasured(subject: string, n: number): SubjectDrift {
  return {
    subject,
    kind: 'feature',
    status: 'no-baseline',
    psi: null,
    applications: n,
    detail: "the model's card carries no training distribution for this feature",
    bins: [],
    characteristic: null,
    missingShare: null,
  };
}

function binLabel(edges: readonly number[], k: number): string {
  const lo = k === 0 ? '-inf' : String(edges[k - 1]);
  const hi = k === edges.length ? '+inf' : String(edges[k]);
  return `[${lo}, ${hi})`;
}

function meanOf(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
