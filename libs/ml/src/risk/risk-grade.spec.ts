import { riskGrade } from './risk-grade';

describe('riskGrade', () => {
  it.each([
    [0, 'A'],
    [0.0099, 'A'],
    [0.01, 'B'],
    [0.03, 'C'],
    [0.05, 'D'],
    [0.15, 'E'],
    [0.2, 'F'],
    [1, 'F'],
  ])('should map PD %p to grade %p when graded', (pd, grade) => {
    expect(riskGrade(pd)).toBe(grade);
  });

  it('should throw when the probability is not in [0, 1]', () => {
    expect(() => riskGrade(Number.NaN)).toThrow(RangeError);
    expect(() => riskGrade(1.2)).toThrow(RangeError);
  });
});
