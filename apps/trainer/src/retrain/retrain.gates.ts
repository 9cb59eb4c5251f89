import { bootstrapOutcomeMetrics, type OutcomeBootstrap } from '@loanmesh/ml';

export type GateName = 'onnx-parity' | 'outcomes' | 'calibration' | 'reason-stability';

export interface GateResult {
  gate: GateName;
  passed: boolean;
  detail: string;
}

export interface GateThresholds {
  minOutcomes: number;
  aucMargin: number;
  maxCalibrationGap: number;
  minReasonOverlap: number;
  approvalRate: number;
  resamples: number;
  seed: number;
}

/** Champion and challenger on the same held-out matured outcomes. */
export interface HoldoutScores {
  labels: Uint8Array;
  championPd: Float64Array;
  challengerPd: Float64Array;
  championReasons: string[][];
  challengerReasons: string[][];
}

export function parityGate(parity: {
  passed: boolean;
  maxAbsDifference: number;
  tolerance: number;
  rows: number;
}): GateResult {
  return {
    gate: 'onnx-parity',
    passed: parity.passed,
    detail: `onnxruntime-node against the trainer on ${parity.rows} rows: max difference ${parity.maxAbsDifference.toExponential(1)} (tolerance ${parity.tolerance})`,
  };
}

/**
 * AUC against the champion (paired bootstrap) and calibration in the large on the held-out
 * outcomes. Without enough outcomes of both kinds the challenger is not judged, so both fail.
 */
export function outcomeGates(
  h: HoldoutScores,
  t: GateThresholds,
): { comparison: OutcomeBootstrap | null; gates: GateResult[] } {
  const n = h.labels.length;
  const bads = h.labels.reduce((s, y) => s + y, 0);
  if (n < t.minOutcomes || bads === 0 || bads === n) {
    const detail = `${n} held-out outcomes (${bads} defaults): at least ${t.minOutcomes} with both a default and a repayment are needed`;
    return {
      comparison: null,
      gates: [
        { gate: 'outcomes', passed: false, detail },
        { gate: 'calibration', passed: false, detail },
      ],
    };
  }
  const comparison = bootstrapOutcomeMetrics([h.championPd, h.challengerPd], h.labels, {
    approvalRate: t.approvalRate,
    resamples: t.resamples,
    seed: t.seed,
  });
  const [champion, challenger] = comparison.models;
  const gain = comparison.aucGainOverFirst[1];
  const gap = (m: typeof champion) => Math.abs(m.expectedDefaultRate.value - m.observedDefaultRate.value);
  const allowedGap = Math.max(t.maxCalibrationGap, gap(champion));
  const f = (x: number) => x.toFixed(4);
  return {
    comparison,
    gates: [
      {
        gate: 'outcomes',
        passed: gain[1] >= -t.aucMargin,
        detail:
          `${n} outcomes (${bads} defaults): AUC challenger ${f(challenger.auc.value)} [${challenger.auc.interval.map(f).join(', ')}], ` +
          `champion ${f(champion.auc.value)} [${champion.auc.interval.map(f).join(', ')}], gain [${gain.map(f).join(', ')}] ` +
          `(refused when the whole interval is below -${t.aucMargin})`,
      },
      {
        gate: 'calibration',
        passed: gap(challenger) <= allowedGap,
        detail:
          `|mean PD − observed default rate|: challenger ${f(gap(challenger))}, champion ${f(gap(champion))} ` +
          `(allowed ${f(allowedGap)})`,
      },
    ],
  };
}

/** Mean Jaccard overlap of the two models' reason codes per application (both without reasons: 1). */
export function reasonStabilityGate(champion: string[][], challenger: string[][], minOverlap: number): GateResult {
  const overlaps = champion.map((c, i) => reasonOverlap(c, challenger[i] ?? []));
  const mean = overlaps.length === 0 ? 0 : overlaps.reduce((s, x) => s + x, 0) / overlaps.length;
  return {
    gate: 'reason-stability',
    passed: overlaps.length > 0 && mean >= minOverlap,
    detail: `mean overlap of top reason codes on ${overlaps.length} applications ${mean.toFixed(3)} (at least ${minOverlap})`,
  };
}

export function reasonOverlap(a: readonly string[], b: readonly string[]): number {
  const union = new Set([...a, ...b]);
  if (union.size === 0) {
    return 1;
  }
  const mine = new Set(a);
  return [...new Set(b)].filter((x) => mine.has(x)).length / union.size;
}
