import type { Dataset } from '../common/dataset';
import { SeededRandom } from '../common/seeded-random';

/**
 * A copy of the dataset with cells set to NaN: each cell of `features` with probability
 * `share`, and, when `informative` is given, that feature is also blanked with the extra
 * probability on rows labelled 1, so being missing carries signal.
 */
export function withMissingCells(
  data: Dataset,
  options: { features: number[]; share: number; seed: number; informative?: { feature: number; share: number } },
): Dataset {
  const random = new SeededRandom(options.seed);
  const rows = data.rows.map((row, i) => {
    const copy = Float64Array.from(row);
    for (const f of options.features) {
      if (random.next() < options.share) {
        copy[f] = NaN;
      }
    }
    const extra = options.informative;
    if (extra && data.labels[i] === 1 && random.next() < extra.share) {
      copy[extra.feature] = NaN;
    }
    return copy;
  });
  return { ...data, rows };
}
