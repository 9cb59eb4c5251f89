import { distinctCompanies, shellScore } from './graph-feature.assembler';

describe('GraphFeatureAssembler', () => {
  it('should count SAME_AS records once and drop the applicant when deduplicating companies', () => {
    const list = [
      { id: 'B', key: 'B', defaulted: false, judged: false },
      { id: 'B2', key: 'B', defaulted: true, judged: false },
      { id: 'A2', key: 'A', defaulted: false, judged: false },
    ];

    expect(distinctCompanies(list, ['A'])).toEqual([{ id: 'B', key: 'B', defaulted: true, judged: false }]);
  });

  it('should give 2/5 when a company is young and has no staff', () => {
    const profile = { registeredAt: '2023-01-01', registeredCapital: 50_000, employees: 0, annualRevenue: 100_000 };

    expect(shellScore(profile, '2023-06-01', 1)).toBe(0.4);
  });
});
