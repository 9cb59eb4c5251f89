import { diffPolicies } from './policy-diff';
import { DEFAULT_POLICY_RULES } from './policy-rules.schema';

describe(diffPolicies.name, () => {
  it('should list nothing when the rules are equal', () => {
    expect(diffPolicies(DEFAULT_POLICY_RULES, structuredClone(DEFAULT_POLICY_RULES))).toEqual([]);
  });

  it('should list each changed leaf with its path when values differ', () => {
    const draft = structuredClone(DEFAULT_POLICY_RULES);
    draft.pdCutoffs.autoDeclineMinPd = 0.3;
    draft.knockouts.blacklistedCompanyIds = ['co-1'];
    expect(diffPolicies(DEFAULT_POLICY_RULES, draft)).toEqual([
      { path: 'knockouts.blacklistedCompanyIds', from: [], to: ['co-1'] },
      { path: 'pdCutoffs.autoDeclineMinPd', from: 0.35, to: 0.3 },
    ]);
  });
});
