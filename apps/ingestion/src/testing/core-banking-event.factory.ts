import { randomUUID } from 'node:crypto';

import { type CoreBankingEvent, CoreBankingEventTypes as T } from '@loanmesh/contracts';

type Of<K extends CoreBankingEvent['type']> = Extract<CoreBankingEvent, { type: K }>;
type PayloadOf<K extends CoreBankingEvent['type']> = Of<K>['payload'];

/** Builds one valid event; `at` is its occurred-at. */
export function coreBankingEvent<K extends CoreBankingEvent['type']>(
  type: K,
  payload: PayloadOf<K>,
  at = '2024-01-01T00:00:00.000Z',
): Of<K> {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: at,
    producedAt: at,
    source: 'core-banking',
    correlationId: randomUUID(),
    payload,
  } as Of<K>;
}

export function companyPayload(
  companyId: string,
  overrides: Partial<PayloadOf<'company.registered'>> = {},
): PayloadOf<'company.registered'> {
  return {
    companyId,
    version: 0,
    name: `Company ${companyId}`,
    registrationNumber: `REG-${companyId}`,
    registeredAt: '2015-03-01',
    registeredCapital: 100000,
    legalForm: 'LLC',
    industryCode: 'C10',
    region: 'London',
    employees: 12,
    annualRevenue: 1_500_000,
    financials: { totalAssets: 900000, totalLiabilities: 400000, netProfit: 50000, currentRatio: 1.4 },
    address: { line1: '12 Main Street', city: 'London', postcode: 'E1 6AN' },
    phone: '+44 20 7946 0018',
    ...overrides,
  };
}

export function personPayload(
  personId: string,
  overrides: Partial<PayloadOf<'person.registered'>> = {},
): PayloadOf<'person.registered'> {
  return {
    personId,
    version: 0,
    nationalId: `NI${personId.replace(/\W/g, '').slice(-8).padStart(8, '7')}`,
    fullName: `Person ${personId}`,
    birthYear: 1980,
    address: { line1: '3 High Road', city: 'Leeds', postcode: 'LS1 4AP' },
    phone: '020 7946 0999',
    ...overrides,
  };
}

/** One company's life: registration, a director, an account, a loan with facts, an application. */
export function companyLife(id: string): CoreBankingEvent[] {
  const person = `${id}-p`;
  const loan = `${id}-l`;
  return [
    coreBankingEvent(T.companyRegistered, companyPayload(id), '2019-01-01T00:00:00.000Z'),
    coreBankingEvent(T.personRegistered, personPayload(person), '2019-01-02T00:00:00.000Z'),
    coreBankingEvent(
      T.directorLinked,
      { companyId: id, personId: person, role: 'DIRECTOR', validFrom: '2019-01-02' },
      '2019-01-02T00:00:00.000Z',
    ),
    coreBankingEvent(
      T.accountOpened,
      {
        accountId: `${id}-a`,
        owner: { kind: 'company', id },
        accountNumber: `GB00${id.replace(/\W/g, '')}1234`,
        openedAt: '2019-01-03',
      },
      '2019-01-03T00:00:00.000Z',
    ),
    coreBankingEvent(
      T.loanDisbursed,
      {
        loanId: loan,
        companyId: id,
        amount: 120000,
        termMonths: 12,
        purpose: 'EQUIPMENT',
        interestRate: 0.07,
        disbursedAt: '2022-01-10',
        maturityAt: '2023-01-10',
      },
      '2022-01-10T00:00:00.000Z',
    ),
    coreBankingEvent(
      T.repaymentMade,
      { loanId: loan, companyId: id, installmentNo: 1, amount: 32000, paidAt: '2022-04-10' },
      '2022-04-10T00:00:00.000Z',
    ),
    coreBankingEvent(
      T.paymentMissed,
      { loanId: loan, companyId: id, installmentNo: 2, amountDue: 32000, dueAt: '2022-07-10', daysPastDue: 30 },
      '2022-08-09T00:00:00.000Z',
    ),
    coreBankingEvent(
      T.publicRecordFiled,
      {
        recordId: `${id}-r`,
        subject: { kind: 'company', id },
        kind: 'TAX_ARREARS',
        amount: 5000,
        filedAt: '2022-09-01',
        status: 'ACTIVE',
      },
      '2022-09-01T00:00:00.000Z',
    ),
    coreBankingEvent(
      T.applicationSubmitted,
      {
        applicationId: `${id}-app`,
        companyId: id,
        amount: 50000,
        termMonths: 24,
        purpose: 'WORKING_CAPITAL',
        submittedAt: '2022-10-01T09:00:00.000Z',
        guarantors: [{ kind: 'person', id: person }],
      },
      '2022-10-01T09:00:00.000Z',
    ),
  ];
}

/** A loan application of `companyId`, submitted (and occurring) at `submittedAt`. */
export function applicationEvent(
  applicationId: string,
  companyId: string,
  submittedAt = new Date().toISOString(),
): Of<'loan.application-submitted'> {
  return coreBankingEvent(
    T.applicationSubmitted,
    {
      applicationId,
      companyId,
      amount: 80000,
      termMonths: 36,
      purpose: 'EQUIPMENT',
      submittedAt,
      guarantors: [],
    },
    submittedAt,
  );
}
