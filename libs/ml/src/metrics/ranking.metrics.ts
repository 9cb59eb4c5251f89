/** Area under the ROC curve by the rank-sum (Mann-Whitney) formula; ties get average ranks. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumPositives = 0;
  let positives = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) {
      end++;
    }
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]] === 1) {
        rankSumPositives += averageRank;
        positives++;
      }
    }
    start = end + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) {
    return Number.NaN;
  }
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function gini(aucValue: number): number {
  return 2 * aucValue - 1;
}

/** Kolmogorov-Smirnov: the largest gap between the score CDFs of bads and goods. */
export function ks(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const positives = Array.from(labels).filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  let cumPos = 0;
  let cumNeg = 0;
  let best = 0;
  for (let k = 0; k < order.length; k++) {
    if (labels[order[k]] === 1) {
      cumPos++;
    } else {
      cumNeg++;
    }
    const lastOfTie = k + 1 === order.length || scores[order[k + 1]] !== scores[order[k]];
    if (lastOfTie) {
      best = Math.max(best, Math.abs(cumNeg / negatives - cumPos / positives));
    }
  }
  return best;
}

/** Mean squared error of the predicted probability. */
export function brier(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    sum += (probabilities[i] - labels[i]) ** 2;
  }
  return sum / probabilities.length;
}

export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(Math.max(probabilities[i], 1e-15), 1 - 1e-15);
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / probabilities.length;
}
