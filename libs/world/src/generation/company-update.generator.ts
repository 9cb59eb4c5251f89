import { financialsFor } from './company.factory';
import type { WorldBuilder } from './world-builder';

/**
 * A sixth of plain companies file restated financials once during the history
 * (`company.updated`); features as of a date use the filing valid at that date.
 */
export function generateCompanyUpdates(b: WorldBuilder): void {
  for (const c of b.companies) {
    if (c.duplicateOf >= 0 || c.shell || c.ring >= 0 || !b.rng.chance(1 / 6)) {
      continue;
    }
    const from = Math.max(c.regDay + 365, b.historyStartDay);
    if (from >= b.nowDay - 30) {
      continue;
    }
    const day = from + b.rng.int(b.nowDay - 30 - from);
    const drift = c.quality + 0.3 * b.rng.normal();
    c.update = { day, fin: financialsFor(b, drift, c.industry, Math.max(1, c.fin.employees)) };
  }
}
