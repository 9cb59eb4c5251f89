import type { Dataset } from '@loanmesh/ml';

/**
 * The dataset with each missing (NaN) cell replaced by its feature's median over `fitRows` (the
 * training split), for learners without missing-value handling (the scorecard's WoE bins).
 * Returns the filled dataset and, per filled feature, a warning.
 */
export function fillWithTrainingMedians(
  data: Dataset,
  fitRows: readonly number[],
): { dataset: Dataset; warnings: string[] } {
  const warnings: string[] = [];
  const medians = data.featureNames.map((name, f) => {
    const values = fitRows
      .map((i) => data.rows[i][f])
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)] ?? 0;
    const blanks = data.rows.reduce((n, r) => n + (Number.isNaN(r[f]) ? 1 : 0), 0);
    if (blanks > 0) {
      warnings.push(`feature "${name}": ${blanks} missing cell(s) filled with the training-split median ${median}`);
    }
    return median;
  });
  const rows = data.rows.map((r) => r.map((x, f) => (Number.isNaN(x) ? medians[f] : x)));
  return { dataset: { ...data, rows }, warnings };
}
