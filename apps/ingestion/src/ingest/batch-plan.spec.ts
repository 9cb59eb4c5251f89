import { CoreBankingEventTypes as T } from '@loanmesh/contracts';

import { companyPayload, coreBankingEvent } from '../testing/core-banking-event.factory';
import { planBatch } from './batch-plan';
import { UnknownCompanyException } from './unknown-company.exception';

const application = (companyId: string) =>
  coreBankingEvent(T.applicationSubmitted, { applicationId: `${companyId}-app`, companyId, amount: 1000, termMonths: 12, purpose: 'EQUIPMENT', submittedAt: '2024-01-01T00:00:00.000Z', guarantors: [] });

describe(planBatch.name, () => {
  it('should reject an application when its company is neither stored nor earlier in the batch', () => {
    const sut = planBatch([application('ghost')], new Map());
    expect(sut.rejected.get(0)).toBeInstanceOf(UnknownCompanyException);
    expect(sut.accepted).toEqual([]);
  });

  it('should snapshot the company as registered earlier in the batch, not a later update', () => {
    const registered = coreBankingEvent(T.companyRegistered, companyPayload('c1', { employees: 5 }));
    const later = coreBankingEvent(T.companyUpdated, companyPayload('c1', { version: 1, employees: 50 }));
    const app = application('c1');
    const sut = planBatch([registered, app, later], new Map());
    expect(sut.accepted).toEqual([0, 1, 2]);
    expect(sut.snapshots.get(app.eventId)?.employees).toBe(5);
  });

  it('should mark a repeated event id as a repeat when it appears twice in one batch', () => {
    const e = coreBankingEvent(T.companyRegistered, companyPayload('c2'));
    const sut = planBatch([e, e], new Map());
    expect(sut.accepted).toEqual([0]);
    expect(sut.repeats).toEqual([1]);
  });
});
