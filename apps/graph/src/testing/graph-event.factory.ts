import { createHash, randomUUID } from 'node:crypto';

import {
  type ApplicationReceivedEvent,
  CoreBankingEventTypes as T,
  type DomainEvent,
  type Freshness,
} from '@loanmesh/contracts';

type Payload<K extends DomainEvent['type']> = Extract<DomainEvent, { type: K }>['payload'];

/** Hand-made domain events for tests; every id, address key and token carries the suite prefix. */
export class GraphEventFactory {
  constructor(readonly prefix: string) {}

  id(name: string): string {
    return `${this.prefix}-${name}`;
  }

  token(name: string): string {
    return createHash('md5').update(`${this.prefix}:${name}`).digest('hex');
  }

  event<K extends DomainEvent['type']>(type: K, payload: Payload<K>, occurredAt = '2020-01-01T00:00:00Z'): DomainEvent {
    return {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt,
      producedAt: occurredAt,
      source: 'ingestion',
      correlationId: `${this.prefix}-corr`,
      causationId: randomUUID(),
      payload,
    } as DomainEvent;
  }

  company(
    name: string,
    o: Partial<Payload<'company.registered'>> & { phone?: string; addressName?: string } = {},
  ): DomainEvent {
    const { phone, addressName, ...rest } = o;
    return this.event(T.companyRegistered, {
      companyId: this.id(name),
      version: 0,
      name: `${name} Trading Ltd`,
      registrationNumber: `RN${this.token(name).slice(0, 8)}`,
      registeredAt: '2015-01-01',
      registeredCapital: 50_000,
      legalForm: 'LLC',
      industryCode: 'TST',
      region: 'Test Region',
      employees: 10,
      annualRevenue: 100_000,
      financials: { totalAssets: 1, totalLiabilities: 1, netProfit: 0, currentRatio: 1 },
      phoneToken: this.token(`phone:${phone ?? name}`),
      address: { key: `${this.prefix}|${addressName ?? name}`, city: 'TESTVILLE', postcode: 'T1' },
      ...rest,
    });
  }

  person(
    name: string,
    o: { fullName?: string; birthYear?: number; phone?: string; addressName?: string; nationalId?: string } = {},
  ): DomainEvent {
    return this.event(T.personRegistered, {
      personId: this.id(name),
      version: 0,
      nationalIdToken: this.token(`nid:${o.nationalId ?? name}`),
      fullName: o.fullName ?? `Person ${name}`,
      birthYear: o.birthYear ?? 1970,
      phoneToken: this.token(`phone:${o.phone ?? name}`),
      address: { key: `${this.prefix}|${o.addressName ?? name}`, city: 'TESTVILLE', postcode: 'T1' },
    });
  }

  guarantee(name: string, guarantor: string, borrower: string, amount: number, validFrom = '2020-01-01'): DomainEvent {
    return this.event(T.guaranteeRegistered, {
      guaranteeId: this.id(name),
      loanId: this.id(`loan-${name}`),
      borrowerCompanyId: this.id(borrower),
      guarantor: { kind: 'company', id: this.id(guarantor) },
      amount,
      validFrom,
    });
  }

  director(person: string, company: string, validFrom = '2020-01-01'): DomainEvent {
    return this.event(T.directorLinked, {
      companyId: this.id(company),
      personId: this.id(person),
      role: 'DIRECTOR',
      validFrom,
    });
  }

  holds(holder: string, company: string, validFrom = '2020-01-01'): DomainEvent {
    return this.event(T.shareholderLinked, {
      companyId: this.id(company),
      holder: { kind: 'company', id: this.id(holder) },
      share: 0.5,
      validFrom,
    });
  }

  supplies(supplier: string, customer: string, yearlyVolume: number, validFrom = '2020-01-01'): DomainEvent {
    return this.event(T.supplierLinked, {
      supplierCompanyId: this.id(supplier),
      customerCompanyId: this.id(customer),
      yearlyVolume,
      validFrom,
    });
  }

  account(name: string, owner: string, accountNumber: string, openedAt = '2020-01-01'): DomainEvent {
    return this.event(T.accountOpened, {
      accountId: this.id(name),
      owner: { kind: 'company', id: this.id(owner) },
      accountToken: this.token(`acct:${accountNumber}`),
      openedAt,
    });
  }

  loan(name: string, company: string, disbursedAt: string, maturityAt: string): DomainEvent {
    return this.event(T.loanDisbursed, {
      loanId: this.id(name),
      companyId: this.id(company),
      amount: 10_000,
      termMonths: 24,
      purpose: 'WORKING_CAPITAL',
      interestRate: 0.08,
      disbursedAt,
      maturityAt,
    });
  }

  defaulted(company: string, defaultedAt: string): DomainEvent {
    return this.event(T.loanDefaulted, {
      loanId: this.id(`loan-of-${company}`),
      companyId: this.id(company),
      exposure: 1000,
      defaultedAt,
    });
  }

  judgment(company: string, filedAt: string): DomainEvent {
    return this.event(T.publicRecordFiled, {
      recordId: this.id(`rec-${company}`),
      subject: { kind: 'company', id: this.id(company) },
      kind: 'COURT_JUDGMENT',
      amount: 500,
      filedAt,
      status: 'ACTIVE',
    });
  }

  application(name: string, company: string, submittedAt: string): DomainEvent {
    return this.event(T.applicationSubmitted, {
      applicationId: this.id(name),
      companyId: this.id(company),
      amount: 10_000,
      termMonths: 12,
      purpose: 'WORKING_CAPITAL',
      submittedAt,
      guarantors: [],
    });
  }

  /**
   * What ingestion publishes for an application of `company` (with the factory's default
   * filing). By default its freshness asks for nothing the graph has not applied: tests that
   * write the graph themselves are fresh by construction.
   */
  applicationReceived(
    name: string,
    company: string,
    submittedAt: string,
    freshness: Freshness = { coreBankingBarrier: {}, barrierAt: Date.now(), confirmed: true, domainEvents: {} },
  ): ApplicationReceivedEvent {
    const at = new Date().toISOString();
    return {
      eventId: randomUUID(),
      type: 'application.received',
      schemaVersion: 1,
      occurredAt: at,
      producedAt: at,
      source: 'ingestion',
      correlationId: this.id(name),
      causationId: randomUUID(),
      payload: {
        application: {
          applicationId: this.id(name),
          companyId: this.id(company),
          amount: 10_000,
          termMonths: 12,
          purpose: 'WORKING_CAPITAL',
          submittedAt,
        },
        guarantors: [],
        company: {
          companyId: this.id(company),
          registeredAt: '2015-01-01',
          registeredCapital: 50_000,
          legalForm: 'LLC',
          industryCode: 'TST',
          region: 'Test Region',
          employees: 10,
          annualRevenue: 100_000,
          financials: { totalAssets: 1, totalLiabilities: 1, netProfit: 0, currentRatio: 1 },
        },
        history: {
          priorLoans: 0,
          priorDefaults: 0,
          missedPayments12m: 0,
          outstandingExposure: 0,
          activePublicRecords: 0,
        },
        hops: { submittedAt: Date.now() },
        freshness,
      },
    };
  }
}
