import { scoredEvent } from '../testing/scored-event.factory';
import { companyAgeMonths, evaluatePolicy } from './decision-policy.evaluator';
import { DEFAULT_POLICY_RULES as rules } from './policy-rules.schema';

const input = (o: Parameters<typeof scoredEvent>[0] = {}) => scoredEvent(o).payload;

describe(evaluatePolicy.name, () => {
  it('should approve automatically when the grade is good and nothing fires', () => {
    const r = evaluatePolicy(rules, input());
    expect(r.outcome).toBe('AUTO_APPROVE');
    expect(r.ruleHits).toEqual([]);
  });

  it('should refer when the score is degraded even with a good grade', () => {
    const r = evaluatePolicy(rules, input({ degraded: true }));
    expect(r.outcome).toBe('REFER');
    expect(r.ruleHits[0].code).toBe('DEGRADED_SCORE');
  });

  it('should decline when there is an active court judgment', () => {
    const r = evaluatePolicy(rules, input({ history: { activePublicRecords: 1 } }));
    expect(r.outcome).toBe('AUTO_DECLINE');
    expect(r.ruleHits.map((h) => h.code)).toEqual(['KO_PUBLIC_RECORD']);
  });

  it('should decline when the company is younger than the minimum age', () => {
    const recent = new Date(Date.now() - 60 * 86400000).toISOString().slice(0, 10);
    expect(evaluatePolicy(rules, input({ registeredAt: recent })).ruleHits[0].code).toBe('KO_COMPANY_AGE');
  });

  it('should decline when the company is blacklisted', () => {
    const r = evaluatePolicy(
      { ...rules, knockouts: { ...rules.knockouts, blacklistedCompanyIds: ['co-bad'] } },
      input({ companyId: 'co-bad' }),
    );
    expect(r.ruleHits.map((h) => h.code)).toContain('KO_BLACKLIST');
  });

  it('should refer with four-eyes when the applicant is in a guarantee circle', () => {
    const r = evaluatePolicy(rules, input({ graph: { inGuaranteeCircle: 1, guaranteeCircleSize: 3 } }));
    expect(r.outcome).toBe('REFER');
    expect(r.modelRecommendation).toBe('AUTO_APPROVE');
    expect(r.fourEyes.required).toBe(true);
  });

  it('should keep a score decline automatic when graph triggers also fire', () => {
    const r = evaluatePolicy(
      rules,
      input({ pd: 0.6, grade: 'F', graph: { inGuaranteeCircle: 1, guaranteeCircleSize: 4 } }),
    );
    expect(r.outcome).toBe('AUTO_DECLINE');
    expect(r.ruleHits.map((h) => h.code)).toEqual(['GRAPH_GUARANTEE_CIRCLE']);
  });

  it('should refer when the amount is above the automatic approval limit', () => {
    const r = evaluatePolicy({ ...rules, authority: { autoApproveMaxAmount: 300000 } }, input({ amount: 400000 }));
    expect(r.outcome).toBe('REFER');
    expect(r.ruleHits.map((h) => h.code)).toEqual(['AUTHORITY_LIMIT']);
    expect(r.fourEyes.required).toBe(false);
  });

  it('should decline when the PD is above the decline cut-off whatever the grade', () => {
    expect(evaluatePolicy(rules, input({ pd: 0.5, grade: 'C' })).outcome).toBe('AUTO_DECLINE');
  });

  it('should refer a grey-zone grade with a score reason', () => {
    const r = evaluatePolicy(rules, input({ pd: 0.12, grade: 'C' }));
    expect(r.outcome).toBe('REFER');
    expect(r.ruleHits.map((h) => h.code)).toEqual(['SCORE_GREY_ZONE']);
  });
});

describe(companyAgeMonths.name, () => {
  it('should count whole months when the day of month is not reached yet', () => {
    expect(companyAgeMonths('2020-01-15', '2020-07-14T00:00:00Z')).toBe(5);
    expect(companyAgeMonths('2020-01-15', '2020-07-15T00:00:00Z')).toBe(6);
  });
});
