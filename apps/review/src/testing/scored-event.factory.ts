import { randomUUID } from 'node:crypto';

import type { ApplicationScoredEvent, GraphFeatures } from '@loanmesh/contracts';

type Payload = ApplicationScoredEvent['payload'];

export interface ScoredOverrides {
  applicationId?: string;
  companyId?: string;
  amount?: number;
  pd?: number;
  grade?: Payload['champion']['riskGrade'];
  degraded?: boolean;
  graph?: Partial<GraphFeatures> | null;
  history?: Partial<Payload['history']>;
  registeredAt?: string;
}

export const quietGraph: GraphFeatures = {
  inGuaranteeCircle: 0,
  guaranteeCircleSize: 0,
  reciprocalGuarantees: 0,
  contingentLiability: 0,
  defaultedNeighbourShare: 0,
  judgmentNeighbourShare: 0,
  distanceToDefault: 0,
  nearestDefaultFound: 0,
  sharedIdentifierCompanies: 0,
  sharedIdentifierBadCompanies: 0,
  addressCrowding: 1,
  shellScore: 0.1,
  directorNetworkSize: 2,
  directorNetworkDefaultRate: 0,
  ownershipChainDepth: 1,
  circularOwnership: 0,
  customerConcentration: 0.2,
  communitySize: 5,
  communityDefaultRate: 0,
};

/** A valid `application.scored` event; by default a clean grade-A application (auto-approved). */
export function scoredEvent(o: ScoredOverrides = {}): ApplicationScoredEvent {
  const applicationId = o.applicationId ?? `app-${randomUUID().slice(0, 12)}`;
  const companyId = o.companyId ?? `co-${randomUUID().slice(0, 8)}`;
  const submittedAt = new Date(Date.now() - 2000).toISOString();
  const now = new Date().toISOString();
  const pd = o.pd ?? 0.01;
  return {
    eventId: randomUUID(),
    type: 'application.scored',
    schemaVersion: 1,
    occurredAt: now,
    producedAt: now,
    source: 'test',
    correlationId: `corr-${applicationId}`,
    payload: {
      application: {
        applicationId,
        companyId,
        amount: o.amount ?? 100000,
        termMonths: 24,
        purpose: 'WORKING_CAPITAL',
        submittedAt,
      },
      guarantors: [{ kind: 'person', id: 'person-42' }],
      company: {
        companyId,
        registeredAt: o.registeredAt ?? '2015-03-01',
        registeredCapital: 50000,
        legalForm: 'LLC',
        industryCode: 'C25',
        region: 'NORTH',
        employees: 25,
        annualRevenue: 2000000,
        financials: { totalAssets: 1500000, totalLiabilities: 600000, netProfit: 120000, currentRatio: 1.6 },
      },
      history: {
        priorLoans: 2,
        priorDefaults: 0,
        missedPayments12m: 0,
        outstandingExposure: 0,
        activePublicRecords: 0,
        ...o.history,
      },
      hops: {
        submittedAt: Date.parse(submittedAt),
        ingestedAt: Date.now() - 1500,
        featuresAt: Date.now() - 1000,
        scoredAt: Date.now() - 500,
      },
      status: o.degraded ? 'DEGRADED' : 'OK',
      graph: o.graph === null ? null : { ...quietGraph, ...o.graph },
      explanations:
        o.graph?.inGuaranteeCircle === 1
          ? [
              {
                feature: 'inGuaranteeCircle',
                severity: 'HIGH',
                text: 'Guarantees run in a circle: A guarantees B guarantees C guarantees A',
                path: [companyId, 'co-b', 'co-c'],
              },
            ]
          : [],
      featureVersion: 'fv-test',
      computedInMs: 3,
      champion: {
        modelVersion: 'gbm-test-1',
        modelSha256: 'a'.repeat(64),
        probabilityOfDefault: pd,
        riskGrade: o.grade ?? 'A',
        reasons: [
          {
            code: 'HIGH_LEVERAGE',
            feature: 'leverage',
            contribution: 0.4,
            text: 'Liabilities are high relative to assets',
            source: 'MODEL',
          },
          {
            code: 'SHORT_HISTORY',
            feature: 'priorLoans',
            contribution: 0.2,
            text: 'Few earlier loans with the bank',
            source: 'MODEL',
          },
        ],
        baseValue: -2.5,
        logit: -2,
      },
      degraded: o.degraded ?? false,
      degradedReasons: o.degraded ? ['graph features timed out'] : [],
      featureVector: [0.4, 24, 1],
      featureNames: ['leverage', 'termMonths', 'addressCrowding'],
    },
  };
}
