import type { Dataset } from '../common/dataset';
import { SeededRandom } from '../common/seeded-random';

/** Small seeded binary-label dataset with interactions and a tie-heavy integer feature. */
export function syntheticDataset(rows: number, seed = 1, featureCount = 6): Dataset {
  const random = new SeededRandom(seed);
  const data: Dataset = {
    featureNames: Array.from({ length: featureCount }, (_, f) => `x${f}`),
    rows: [],
    labels: new Uint8Array(rows),
  };
  for (let i = 0; i < rows; i++) {
    const row = Float64Array.from({ length: featureCount }, () => random.next() * 10 - 5);
    row[featureCount - 1] = random.int(4);
    const z =
      0.8 * row[0] - 0.5 * row[1] + (row[2] > 1 ? 1.2 : 0) * (row[3] > 0 ? 1 : -1) + 0.4 * row[featureCount - 1] - 1;
    data.rows.push(row);
    data.labels[i] = random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return data;
}
