import { creditHistoryAsOf } from './credit-history.calculator';

describe(creditHistoryAsOf.name, () => {
  const loan = { loanId: 'l1', amount: 120000, termMonths: 12, disbursedAt: '2022-01-10' };

  it('should count only loans disbursed before the submission day', () => {
    const sut = creditHistoryAsOf('2022-01-10T09:00:00Z', [loan], [], []);
    expect(sut.priorLoans).toBe(0);
  });

  it('should count outstanding principal not yet due when the loan is live', () => {
    const sut = creditHistoryAsOf(
      '2022-10-01T09:00:00Z',
      [loan],
      [{ loanId: 'l1', kind: 'MISSED', eventDate: '2022-07-10' }],
      ['2022-09-01'],
    );
    expect(sut).toEqual({
      priorLoans: 1,
      priorDefaults: 0,
      missedPayments12m: 1,
      outstandingExposure: 60000,
      activePublicRecords: 1,
    });
  });

  it('should count a default and no exposure when the loan defaulted before submission', () => {
    const sut = creditHistoryAsOf(
      '2023-06-01T00:00:00Z',
      [loan],
      [{ loanId: 'l1', kind: 'DEFAULT', eventDate: '2022-12-01' }],
      [],
    );
    expect(sut.priorDefaults).toBe(1);
    expect(sut.outstandingExposure).toBe(0);
  });
});
