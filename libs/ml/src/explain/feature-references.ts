import type { Dataset } from '../common/dataset';

/**
 * What the trainer writes beside a model as `<name>.references.json`: each feature's median over
 * the training rows. A model reason must sit on the risky side of it ("large loan" only above
 * the median loan), so reasons are judged against the population the model learned from.
 */
export interface FeatureReferences {
  statistic: 'median';
  sample: 'train';
  rows: number;
  references: Record<string, number>;
}

export function featureReferences(train: Dataset): FeatureReferences {
  const references: Record<string, number> = {};
  train.featureNames.forEach((name, j) => {
    references[name] = median(Float64Array.from(train.rows, (row) => row[j]));
  });
  return { statistic: 'median', sample: 'train', rows: train.rows.length, references };
}

/** Middle value (mean of the two middle values for an even count); 0 for no values. */
function median(values: Float64Array): number {
  if (values.length === 0) {
    return 0;
  }
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
