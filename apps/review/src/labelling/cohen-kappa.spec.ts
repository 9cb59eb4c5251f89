import { cohensKappa } from './cohen-kappa';

const repeat = (a: string, b: string, times: number): [string, string][] => Array.from({ length: times }, () => [a, b]);

describe(cohensKappa.name, () => {
  it('should give 0.4 for the textbook 2x2 table (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)', () => {
    // observed 35/50 = 0.7; A says yes 25/50, B 30/50: expected 0.5*0.6 + 0.5*0.4 = 0.5; (0.7-0.5)/0.5
    const result = cohensKappa([
      ...repeat('yes', 'yes', 20),
      ...repeat('yes', 'no', 5),
      ...repeat('no', 'yes', 10),
      ...repeat('no', 'no', 15),
    ]);
    expect(result.n).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it('should give a negative kappa when raters disagree more than chance', () => {
    // observed 0; expected 0.5*0.5 + 0.5*0.5 = 0.5; (0-0.5)/0.5 = -1
    const result = cohensKappa([...repeat('FRAUD', 'NOT_FRAUD', 2), ...repeat('NOT_FRAUD', 'FRAUD', 2)]);
    expect(result.kappa).toBeCloseTo(-1, 12);
  });

  it('should handle three categories, one used by a single rater only', () => {
    // a/a, a/b, b/b, c/b: observed 2/4; A: a .5 b .25 c .25; B: a .25 b .75
    // expected .5*.25 + .25*.75 = .3125; kappa (.5-.3125)/.6875 = 0.272727...
    const result = cohensKappa([
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
      ['c', 'b'],
    ]);
    expect(result.expected).toBeCloseTo(0.3125, 12);
    expect(result.kappa).toBeCloseTo(0.1875 / 0.6875, 12);
  });

  it('should give 1 when raters agree on every item and use more than one category', () => {
    expect(cohensKappa([...repeat('x', 'x', 3), ...repeat('y', 'y', 2)]).kappa).toBeCloseTo(1, 12);
  });

  it('should give null when both raters used one and the same category (chance agreement is total)', () => {
    const result = cohensKappa(repeat('NOT_FRAUD', 'NOT_FRAUD', 4));
    expect(result).toEqual({ n: 4, observed: 1, expected: expect.closeTo(1, 12) as number, kappa: null });
  });

  it('should give null with no pairs at all', () => {
    expect(cohensKappa([])).toEqual({ n: 0, observed: 0, expected: 0, kappa: null });
  });
});
