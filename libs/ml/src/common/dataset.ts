/** Rows of numeric features with a binary label (1 = bad / default). */
export interface Dataset {
  featureNames: string[];
  rows: Float64Array[];
  labels: Uint8Array;
}

export function subsetDataset(data: Dataset, indices: ArrayLike<number>): Dataset {
  const rows: Float64Array[] = [];
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    rows.push(data.rows[indices[i]]);
    labels[i] = data.labels[indices[i]]!;
  }
  return { featureNames: data.featureNames, rows, labels };
}

export function meanLabel(labels: Uint8Array): number {
  let sum = 0;
  for (const y of labels) {
    sum += y;
  }
  return labels.length === 0 ? 0 : sum / labels.length;
}
