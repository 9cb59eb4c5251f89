import { z } from 'zod';

import { boundedList, entityId, int4, money, unitInterval } from '@loanmesh/contracts';

const outcome = z.enum(['AUTO_APPROVE', 'REFER', 'AUTO_DECLINE']);
export type PolicyOutcome = z.infer<typeof outcome>;
const share = unitInterval;

/** The JSON rules of one policy version; stored as-is and validated on every draft. */
export const policyRulesSchema = z.object({
  knockouts: z.object({
    maxActivePublicRecords: int4(),
    maxPriorDefaults: int4(),
    minCompanyAgeMonths: int4(),
    blacklistedCompanyIds: boundedList(entityId, 10000),
  }),
  grades: z.object({ A: outcome, B: outcome, C: outcome, D: outcome, E: outcome, F: outcome }),
  pdCutoffs: z.object({ autoApproveMaxPd: share, autoDeclineMinPd: share }),
  authority: z.object({ autoApproveMaxAmount: money }),
  graphTriggers: z.object({
    guaranteeCircle: z.boolean(),
    circularOwnership: z.boolean(),
    maxSharedIdentifierBadCompanies: int4(),
    maxDefaultedNeighbourShare: share,
    maxShellScore: share,
  }),
  fourEyes: z.object({ amountAbove: money, onGraphRisk: z.boolean() }),
});
export type PolicyRules = z.infer<typeof policyRulesSchema>;

/** The policy seeded by migration: grades A-C approve up to 1M, D goes to a human, E-F decline; every graph red flag goes to a human. */
export const DEFAULT_POLICY_RULES: PolicyRules = {
  knockouts: { maxActivePublicRecords: 0, maxPriorDefaults: 0, minCompanyAgeMonths: 6, blacklistedCompanyIds: [] },
  grades: { A: 'AUTO_APPROVE', B: 'AUTO_APPROVE', C: 'AUTO_APPROVE', D: 'REFER', E: 'AUTO_DECLINE', F: 'AUTO_DECLINE' },
  pdCutoffs: { autoApproveMaxPd: 0.05, autoDeclineMinPd: 0.35 },
  authority: { autoApproveMaxAmount: 1000000 },
  graphTriggers: {
    guaranteeCircle: true,
    circularOwnership: true,
    maxSharedIdentifierBadCompanies: 0,
    maxDefaultedNeighbourShare: 0.4,
    maxShellScore: 0.7,
  },
  fourEyes: { amountAbove: 500000, onGraphRisk: true },
};
