import type { CoreBankingEvent } from '@loanmesh/contracts';

import { shiftApplicationAmount } from './distribution-shift';

const submitted = {
  eventId: '00000000-0000-4000-8000-000000000001',
  type: 'loan.application-submitted',
  schemaVersion: 1,
  occurredAt: '2025-01-01T00:00:00.000Z',
  producedAt: '2025-01-01T00:00:00.000Z',
  source: 'core-banking',
  correlationId: 'c-1',
  payload: { applicationId: 'AP-L00000001', companyId: 'CO-1', amount: 120000.5, termMonths: 12 },
} as unknown as CoreBankingEvent;

describe(shiftApplicationAmount.name, () => {
  it('should multiply the amount of a submitted application and keep the rest', () => {
    const shifted = shiftApplicationAmount(submitted, 4) as typeof submitted & { payload: { amount: number } };

    expect(shifted.payload.amount).toBe(480002);
    expect({ ...shifted, payload: { ...shifted.payload, amount: 0 } }).toEqual({
      ...submitted,
      payload: { ...(submitted.payload as object), amount: 0 },
    });
  });

  it('should leave other events and a factor of 1 untouched', () => {
    const other = { ...submitted, type: 'company.registered' } as unknown as CoreBankingEvent;

    expect(shiftApplicationAmount(other, 4)).toBe(other);
    expect(shiftApplicationAmount(submitted, 1)).toBe(submitted);
  });
});
