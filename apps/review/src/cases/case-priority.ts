/**
 * Queue priority (docs/review.md): expected loss (PD x amount) weighted by SLA urgency.
 * urgency = 1 + 3 x (share of the SLA window already used, capped at 1); a breached case
 * gets a further x 4 so it always outranks a fresh one of similar size.
 */
export interface PrioritisedCase {
  /** Null for an application never scored. */
  probabilityOfDefault: number | null;
  amount: number;
  createdAt: Date;
  slaDeadline: Date;
}

/**
 * Unknown risk is treated as the whole amount at risk (PD 1): an unscored application is
 * ranked as the bank's worst case for its size, never buried below scored ones.
 */
const UNSCORED_PD = 1;

export function expectedLoss(c: Pick<PrioritisedCase, 'probabilityOfDefault' | 'amount'>): number {
  return (c.probabilityOfDefault ?? UNSCORED_PD) * c.amount;
}

export function casePriority(c: PrioritisedCase, now: Date): number {
  const window = Math.max(1, c.slaDeadline.getTime() - c.createdAt.getTime());
  const used = Math.min(1, Math.max(0, (now.getTime() - c.createdAt.getTime()) / window));
  const breached = now.getTime() > c.slaDeadline.getTime() ? 4 : 1;
  return expectedLoss(c) * (1 + 3 * used) * breached;
}

/** Highest priority first; ties go to the earlier deadline. */
export function byPriority<T extends PrioritisedCase>(cases: T[], now: Date): T[] {
  return [...cases]
    .map((c) => ({ c, p: casePriority(c, now) }))
    .sort((a, b) => b.p - a.p || a.c.slaDeadline.getTime() - b.c.slaDeadline.getTime())
    .map(({ c }) => c);
}
