import { CoreBankingEventTypes as T } from '@loanmesh/contracts';

import { companyPayload, coreBankingEvent } from '../testing/core-banking-event.factory';
import { planBatch } from './batch-plan';

const application = (companyId: string) =>
  coreBankingEvent(T.applicationSubmitted, {
    applicationId: `${companyId}-app`,
    companyId,
    amount: 1000,
    termMonths: 12,
    purpose: 'EQUIPMENT',
    submittedAt: '2024-01-01T00:00:00.000Z',
    guarantors: [],
  });

const companySnapshot = (companyId: string) => {
  const {
    companyId: id,
    registeredAt,
    registeredCapital,
    legalForm,
    industryCode,
    region,
    employees,
    annualRevenue,
    financials,
  } = companyPayload(companyId);
  return {
    companyId: id,
    registeredAt,
    registeredCapital,
    legalForm,
    industryCode,
    region,
    employees,
    annualRevenue,
    financials,
  };
};

describe(planBatch.name, () => {
  it('should park an application when its company is neither stored nor earlier in the batch', () => {
    const sut = planBatch([application('ghost')], new Map());
    expect([...sut.parked]).toEqual([0]);
    expect(sut.snapshots.size).toBe(0);
  });

  it('should park an application when its company is registered later in the same batch', () => {
    const app = application('late-co');
    const sut = planBatch([app, coreBankingEvent(T.companyRegistered, companyPayload('late-co'))], new Map());
    expect([...sut.parked]).toEqual([0]);
  });

  it('should not park an application when its company is already stored', () => {
    const stored = new Map([['kept-co', { version: 0, snapshot: { ...companySnapshot('kept-co') } }]]);
    const sut = planBatch([application('kept-co')], stored);
    expect(sut.parked.size).toBe(0);
    expect(sut.snapshots.size).toBe(1);
  });

  it('should snapshot the company as registered earlier in the batch, not a later update', () => {
    const registered = coreBankingEvent(T.companyRegistered, companyPayload('c1', { employees: 5 }));
    const later = coreBankingEvent(T.companyUpdated, companyPayload('c1', { version: 1, employees: 50 }));
    const app = application('c1');
    const sut = planBatch([registered, app, later], new Map());
    expect(sut.parked.size).toBe(0);
    expect(sut.snapshots.get(app.eventId)?.employees).toBe(5);
  });
});
