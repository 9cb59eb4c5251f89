import { topReasons } from './reason-codes';

describe('topReasons', () => {
  const spec = [
    { name: 'age', description: 'Company is young' },
    { name: 'lev', description: 'High leverage' },
    {
      name: 'llc',
      description: 'Legal form is LLC',
      absentDescription: 'Legal form is not LLC',
      direction: 'indicator' as const,
    },
    { name: 'mp', description: 'Missed payments' },
    { name: 'pd', description: 'Prior defaults' },
    { name: 'x', description: 'Other' },
  ];

  it('should keep only risk-increasing contributions, largest first, when ranking', () => {
    const reasons = topReasons([0.1, -0.5, 0.3, 0.05, 0.2, 0.01], spec, 4, [1, 1, 0, 1, 1, 1]);
    expect(reasons.map((r) => r.feature)).toEqual(['llc', 'pd', 'age', 'mp']);
    expect(reasons[0]).toEqual({
      code: 'M-llc',
      feature: 'llc',
      contribution: 0.3,
      text: 'Legal form is not LLC',
      source: 'MODEL',
    });
  });

  it('should return fewer reasons when few contributions are positive', () => {
    expect(topReasons([-0.1, 0.2, 0, -1, 0, 0], spec, 4)).toHaveLength(1);
  });
});
