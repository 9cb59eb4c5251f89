/**
 * Pseudo-count that pulls a rare category's default rate towards the overall rate, as
 * LightGBM's `cat_smooth` (10) does: a level seen three times must not rank as the riskiest.
 */
export const CATEGORY_SMOOTHING = 10;

/** One numeric code per category: its rank by smoothed default rate in the training split. */
export interface CategoryCoding {
  /** Categories in code order: `categories[k]` has code k; the lowest smoothed default rate first. */
  categories: string[];
  /** The code of a cell; NaN for a blank or a category the training split never had. */
  code: (value: string) => number;
}

/**
 * Orders a text column's categories by smoothed default rate on the fit rows (the training
 * split) so that a threshold on the code is a partition of the categories, one feature per
 * column instead of one indicator per level. The ONNX tree ensemble (ai.onnx.ml opset 3) has
 * no set-membership split, so this single order per column is what both trainer and serving
 * can share. Blank and unseen cells are missing (NaN): the GBM's learned default direction
 * takes them, never a code borrowed from another category.
 */
export function fitCategoryCoding(values: readonly string[], labels: ArrayLike<number>): CategoryCoding {
  const stats = new Map<string, { rows: number; bads: number }>();
  let bads = 0;
  values.forEach((value, i) => {
    bads += labels[i];
    if (value === '') {
      return;
    }
    const s = stats.get(value) ?? { rows: 0, bads: 0 };
    s.rows += 1;
    s.bads += labels[i];
    stats.set(value, s);
  });
  const prior = values.length > 0 ? bads / values.length : 0;
  const rate = (s: { rows: number; bads: number }) =>
    (s.bads + CATEGORY_SMOOTHING * prior) / (s.rows + CATEGORY_SMOOTHING);
  const categories = [...stats.entries()]
    // Ties are ordered by name so the codes never depend on row order.
    .sort(([a, sa], [b, sb]) => rate(sa) - rate(sb) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([value]) => value);
  const codes = new Map(categories.map((value, k) => [value, k]));
  return { categories, code: (value) => codes.get(value) ?? NaN };
}
