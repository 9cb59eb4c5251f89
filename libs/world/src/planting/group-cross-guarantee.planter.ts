import type { WorldBuilder } from '../generation/world-builder';

/** Groups up to this hidden group effect count as healthy (the effect is N(0, 0.6)). */
const HEALTHY_GROUP_EFFECT = 0.1;

/**
 * Healthy business groups (group effect below 0.1, every member plain and at least three years old) whose
 * members guarantee each other in a cycle, parent first. The loan-book scheduler plans their
 * loans as it does for planted circles, but no default-risk term is attached, and the members
 * take no other company guarantee so the cycle is the only one through them.
 */
export function plantGroupCrossGuarantees(b: WorldBuilder): void {
  const groups = eligibleGroups(b);
  for (let i = groups.length - 1; i > 0; i--) {
    const j = b.rng.int(i + 1);
    [groups[i], groups[j]] = [groups[j], groups[i]];
  }
  groups.slice(0, b.options.lookAlikes.groupCrossGuarantees.count).forEach((members, i) => {
    members.forEach((m) => (b.company(m).crossGroup = i));
    b.truth.lookAlikes.groupCrossGuarantees.push(members.map((m) => b.company(m).id));
  });
}

/** Groups occupy consecutive indices and share one group effect (see the ordinary generator). */
function eligibleGroups(b: WorldBuilder): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  const flush = (): void => {
    const ok = current.every((m) => {
      const c = b.company(m);
      return b.isPlain(c) && c.regDay < b.nowDay - 3 * 365;
    });
    if (current.length > 1 && ok && b.company(current[0]).groupEffect < HEALTHY_GROUP_EFFECT) {
      groups.push(current);
    }
    current = [];
  };
  for (const c of b.companies) {
    const prev = current.length > 0 ? b.company(current[current.length - 1]) : undefined;
    if (prev && (c.groupEffect !== prev.groupEffect || c.index !== prev.index + 1)) {
      flush();
    }
    if (c.groupEffect !== 0) {
      current.push(c.index);
    }
  }
  flush();
  return groups;
}
