import type { WorldBuilder } from '../generation/world-builder';

/**
 * Marks the members of guarantee circles (A guarantees B guarantees C guarantees A) and of
 * reciprocal pairs. Only established plain companies qualify, and they are excluded from
 * ordinary company guarantees, so every guarantee cycle in the world is a planted one.
 * The loans and guarantees themselves are scheduled by the loan-book scheduler.
 */
export function plantGuaranteeCircles(b: WorldBuilder): void {
  const { guaranteeCircles, reciprocalGuarantees } = b.options;
  const pool = candidates(b);
  let cursor = 0;
  const take = (size: number): number[] => {
    const members = pool.slice(cursor, cursor + size);
    cursor += size;
    return members;
  };
  for (let i = 0; i < guaranteeCircles.count; i++) {
    const members = take(b.rng.between(guaranteeCircles.minSize, guaranteeCircles.maxSize));
    members.forEach((m) => (b.company(m).circle = i));
    b.truth.guaranteeCircles.push(members.map((m) => b.company(m).id));
  }
  for (let i = 0; i < reciprocalGuarantees.count; i++) {
    const members = take(2);
    members.forEach((m) => (b.company(m).pair = i));
    b.truth.reciprocalGuarantees.push([b.company(members[0]).id, b.company(members[1]).id]);
  }
}

/** Plain companies at least two years old when the history starts, in shuffled order. */
function candidates(b: WorldBuilder): number[] {
  const pool = b.companies.filter((c) => b.isPlain(c) && c.regDay < b.historyStartDay - 730).map((c) => c.index);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = b.rng.int(i + 1);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool;
}
