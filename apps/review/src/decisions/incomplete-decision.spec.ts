import { DEFAULT_POLICY_RULES as rules } from '../policy/policy-rules.schema';
import { incompleteEvent } from '../testing/incomplete-event.factory';
import type { DecisionEntity } from './decision.entity';
import { incompleteDecision, waited } from './incomplete-decision';

const policy = { version: 7, rules };
const NOW = new Date('2026-01-10T09:15:05.000Z');

describe(incompleteDecision.name, () => {
  it('should refer with the missing company data as the only principal reason when company data never came', () => {
    const event = incompleteEvent({ waitedSeconds: 905 });

    const sut = incompleteDecision(event, policy);
    const prepared = sut.prepare(NOW);

    expect(sut).toMatchObject({ consumer: 'review.application-incomplete', outcome: 'REFERRED' });
    expect(prepared.draft).toMatchObject({ outcome: 'REFERRED', automatic: true, decidedBy: 'policy' });
    expect(prepared.announcement.principalReasons).toEqual([
      {
        code: 'MISSING_COMPANY_DATA',
        feature: 'companyData',
        contribution: 100,
        text: 'Company data never arrived from core banking within 15 minutes',
        source: 'RULE',
      },
    ]);
    expect(prepared.announcement).toMatchObject({ policyVersion: 7, modelVersion: 'none', causationId: event.eventId });
    expect(prepared.draft.content).toMatchObject({ kind: 'INCOMPLETE', incomplete: event.payload });
  });

  it('should open a case without company, history or score that says what was missing', () => {
    const event = incompleteEvent();

    const referral = incompleteDecision(event, policy)
      .prepare(NOW)
      .referral({ id: 'decision-1' } as DecisionEntity);

    expect(referral.snapshot).toMatchObject({
      application: event.payload.application,
      company: null,
      history: null,
      champion: null,
      automaticDecisionId: 'decision-1',
      incomplete: { reason: 'MISSING_COMPANY_DATA', missing: event.payload.missing },
    });
    expect(referral.evaluation.modelRecommendation).toBe('REFER');
  });

  it('should require four-eyes when the amount is above the policy limit', () => {
    const event = incompleteEvent({ amount: rules.fourEyes.amountAbove + 1 });

    const referral = incompleteDecision(event, policy)
      .prepare(NOW)
      .referral({ id: 'decision-2' } as DecisionEntity);

    expect(referral.evaluation.fourEyes).toEqual({
      required: true,
      reasons: [`amount above ${rules.fourEyes.amountAbove}`],
    });
  });
});

describe(waited.name, () => {
  it('should speak in minutes when the wait is a minute or more and in seconds below', () => {
    expect(waited('2026-01-10T09:00:00Z', '2026-01-10T09:15:59Z')).toBe('15 minutes');
    expect(waited('2026-01-10T09:00:00Z', '2026-01-10T09:01:00Z')).toBe('1 minute');
    expect(waited('2026-01-10T09:00:00Z', '2026-01-10T09:00:02Z')).toBe('2 seconds');
  });
});
