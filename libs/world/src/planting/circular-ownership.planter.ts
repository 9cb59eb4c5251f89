import type { WorldBuilder } from '../generation/world-builder';

/** Circular ownership: three plain companies each holding 10-30% of the next. */
export function plantCircularOwnership(b: WorldBuilder): void {
  // Companies already in a corporate shareholding stay out, so no unplanted cycle can form.
  const used = new Set<number>();
  for (const s of b.shareholders) {
    if (s.holderKind === 'company') {
      used.add(s.company);
      used.add(s.holder);
    }
  }
  const plain = b.companies.filter((c) => b.isPlain(c) && !used.has(c.index)).map((c) => c.index);
  for (let i = 0; i < b.options.circularOwnership.count; i++) {
    const members: number[] = [];
    while (members.length < 3) {
      const m = plain[b.rng.int(plain.length)];
      if (!used.has(m)) {
        used.add(m);
        members.push(m);
      }
    }
    members.forEach((holder, k) => {
      const owned = members[(k + 1) % 3];
      const day = Math.max(b.company(holder).regDay, b.company(owned).regDay) + b.rng.int(365);
      b.addShareholder(owned, 'company', holder, 0.1 + 0.2 * b.rng.next(), Math.min(day, b.nowDay - 1));
    });
    b.truth.circularOwnership.push(members.map((m) => b.company(m).id));
  }
}
