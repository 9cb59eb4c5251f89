import { byPriority, casePriority, expectedLoss } from './case-priority';

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 0, min));
const item = (pd: number | null, amount: number, createdMin: number, deadlineMin: number) => ({
  probabilityOfDefault: pd,
  amount,
  createdAt: at(createdMin),
  slaDeadline: at(deadlineMin),
});

describe('case priority', () => {
  it('should put the larger expected loss first when urgency is equal', () => {
    const small = item(0.1, 10000, 0, 240);
    const big = item(0.1, 500000, 0, 240);
    expect(byPriority([small, big], at(10))).toEqual([big, small]);
  });

  it('should raise priority as the SLA deadline approaches', () => {
    const c = item(0.1, 100000, 0, 240);
    expect(casePriority(c, at(200))).toBeGreaterThan(casePriority(c, at(10)));
  });

  it('should rank an unscored case as if its whole amount were at risk when it has no PD', () => {
    const unscored = item(null, 40000, 0, 240);
    const scored = item(0.5, 60000, 0, 240);
    expect(expectedLoss(unscored)).toBe(40000);
    expect(byPriority([scored, unscored], at(10))).toEqual([unscored, scored]);
  });

  it('should rank a breached case above a fresh one of similar size when past its deadline', () => {
    const fresh = item(0.1, 120000, 290, 530);
    const late = item(0.1, 100000, 0, 240);
    expect(byPriority([fresh, late], at(300))[0]).toBe(late);
  });
});
