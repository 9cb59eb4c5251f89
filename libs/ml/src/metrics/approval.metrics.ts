/**
 * Bad rate among approved loans when the lowest-risk `approvalRate` share is approved,
 * the portfolio view of a model ("at the same approval rate").
 */
export function badRateAtApproval(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  approvalRate: number,
): number {
  const order = Array.from({ length: probabilities.length }, (_, i) => i).sort(
    (a, b) => probabilities[a] - probabilities[b],
  );
  const approved = order.slice(0, Math.round(order.length * approvalRate));
  return approved.length === 0 ? 0 : approved.reduce((s, i) => s + labels[i], 0) / approved.length;
}
