import { randomUUID } from 'node:crypto';

import type { LabelledSample } from '@loanmesh/contracts';

/** A valid line of a labels export (an agreed FRAUD label by two officers); tests override what they need. */
export function labelledSample(o: Partial<LabelledSample> = {}): LabelledSample {
  return {
    taskId: randomUUID(),
    kind: 'FRAUD',
    subject: { kind: 'FRAUD' },
    value: 'FRAUD',
    target: 1,
    resolution: 'AGREED',
    caseId: randomUUID(),
    applicationId: 'app-1',
    decisionId: randomUUID(),
    modelVersion: 'gbm-1',
    labels: [
      { labelId: '1', labeller: 'officer1', value: 'FRAUD', version: 1, recordedAt: '2026-12-01T10:00:00.000Z' },
      { labelId: '2', labeller: 'officer2', value: 'FRAUD', version: 1, recordedAt: '2026-12-01T10:05:00.000Z' },
    ],
    labellers: ['officer1', 'officer2'],
    adjudicator: null,
    adjudicatedAt: null,
    featureNames: ['leverage', 'termMonths'],
    featureVector: [0.4, 24],
    ...o,
  };
}
