export interface CalibrationBin {
  decile: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Rows sorted by predicted probability and cut into (up to) ten equal-count groups. */
export function calibrationByDecile(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  groups = 10,
): CalibrationBin[] {
  const order = Array.from({ length: probabilities.length }, (_, i) => i).sort(
    (a, b) => probabilities[a] - probabilities[b],
  );
  const bins: CalibrationBin[] = [];
  for (let g = 0; g < groups; g++) {
    const slice = order.slice(Math.floor((g * order.length) / groups), Math.floor(((g + 1) * order.length) / groups));
    if (slice.length === 0) {
      continue;
    }
    const meanPredicted = slice.reduce((s, i) => s + probabilities[i], 0) / slice.length;
    const observedRate = slice.reduce((s, i) => s + labels[i], 0) / slice.length;
    bins.push({ decile: g + 1, count: slice.length, meanPredicted, observedRate });
  }
  return bins;
}
