import { createHmac, randomUUID } from 'node:crypto';

import { CoreBankingEventTypes as T, type DomainEvent } from '@loanmesh/contracts';
import {
  addMonths,
  companySnapshot,
  formatAddress,
  formatPhone,
  isoDay,
  isoInstant,
  NEVER,
  normalizeAddress,
  normalizePhone,
  type World,
} from '@loanmesh/world';

/**
 * How a world's records become graph ids: every id (and address key) gets `idPrefix`, every
 * registration number `registrationPrefix` (the one blocking key not otherwise private, so
 * entity resolution never links to another load of a world in a shared Neo4j), and tokens are
 * HMACs under `tokenKey`, as ingestion makes them.
 */
export interface WorldEventIds {
  idPrefix: string;
  registrationPrefix: string;
  tokenKey: string;
}

type Mapper = ReturnType<typeof mapper>;

function mapper({ idPrefix, registrationPrefix, tokenKey }: WorldEventIds) {
  const pid = (id: string): string => `${idPrefix}${id}`;
  return {
    pid,
    registrationPrefix,
    tok: (kind: string, value: string): string =>
      createHmac('sha256', tokenKey).update(`${kind}:${value}`).digest('hex').slice(0, 32),
    party: (w: World, kind: 'person' | 'company', i: number) => ({
      kind,
      id: pid(kind === 'person' ? w.persons[i].id : w.companies[i].id),
    }),
    address: (w: World, index: number, style: number) => {
      const a = formatAddress(w.addresses[index], style);
      return { key: `${idPrefix}${normalizeAddress(a)}`, city: a.city, postcode: a.postcode };
    },
  };
}

function ev(type: DomainEvent['type'], day: number, payload: unknown): DomainEvent {
  const at = isoInstant(day);
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: at,
    producedAt: at,
    source: 'world-replay',
    correlationId: 'world-replay',
    causationId: randomUUID(),
    payload,
  } as DomainEvent;
}

/**
 * The world's backlog (everything before its clock) as the domain events the graph writer
 * applies, mapped like ingestion does (HMAC tokens, normalized addresses). Shared by the graph
 * benchmarks and the feature-parity test, so both load a world the same way.
 */
export function worldDomainEvents(w: World, ids: WorldEventIds): DomainEvent[] {
  const m = mapper(ids);
  const out: DomainEvent[] = [];
  const before = (day: number): boolean => day < w.nowDay;
  for (const c of w.companies.filter((x) => before(x.eventDay))) {
    const { companyId, ...snapshot } = companySnapshot(c, c.eventDay + 1, w);
    const payload = {
      ...snapshot,
      companyId: m.pid(companyId),
      version: 0,
      name: c.name,
      registrationNumber: `${m.registrationPrefix}${c.registrationNumber}`,
      phoneToken: m.tok('phone', normalizePhone(formatPhone(w.phones[c.phone], c.style))),
      address: m.address(w, c.address, c.style),
    };
    out.push(ev(T.companyRegistered, c.eventDay, payload));
  }
  for (const p of w.persons.filter((x) => before(x.firstDay))) {
    out.push(
      ev(T.personRegistered, p.firstDay, {
        personId: m.pid(p.id),
        version: 0,
        nationalIdToken: m.tok('nid', p.nationalId),
        fullName: p.fullName,
        birthYear: p.birthYear,
        phoneToken: m.tok('phone', normalizePhone(formatPhone(w.phones[p.phone], p.style))),
        address: m.address(w, p.address, p.style),
      }),
    );
  }
  for (const a of w.accounts.filter((x) => before(x.openedDay))) {
    out.push(
      ev(T.accountOpened, a.openedDay, {
        accountId: m.pid(a.id),
        owner: m.party(w, a.ownerKind, a.owner),
        accountToken: m.tok('account', a.accountNumber),
        openedAt: isoDay(a.openedDay),
      }),
    );
  }
  w.directors
    .filter((d) => before(d.fromDay))
    .forEach((d) =>
      out.push(
        ev(T.directorLinked, d.fromDay, {
          companyId: m.pid(w.companies[d.company].id),
          personId: m.pid(w.persons[d.person].id),
          role: d.role,
          validFrom: isoDay(d.fromDay),
        }),
      ),
    );
  w.shareholders
    .filter((s) => before(s.fromDay))
    .forEach((s) =>
      out.push(
        ev(T.shareholderLinked, s.fromDay, {
          companyId: m.pid(w.companies[s.company].id),
          holder: m.party(w, s.holderKind, s.holder),
          share: s.share,
          validFrom: isoDay(s.fromDay),
        }),
      ),
    );
  w.suppliers
    .filter((s) => before(s.fromDay))
    .forEach((s) =>
      out.push(
        ev(T.supplierLinked, s.fromDay, {
          supplierCompanyId: m.pid(w.companies[s.supplier].id),
          customerCompanyId: m.pid(w.companies[s.customer].id),
          yearlyVolume: s.volume,
          validFrom: isoDay(s.fromDay),
        }),
      ),
    );
  out.push(...loanEvents(w, m));
  for (const r of w.records.filter((x) => before(x.filedDay))) {
    out.push(
      ev(T.publicRecordFiled, r.filedDay, {
        recordId: m.pid(r.id),
        subject: m.party(w, r.subjectKind, r.subject),
        kind: r.kind,
        amount: r.amount,
        filedAt: isoDay(r.filedDay),
        status: r.status,
      }),
    );
  }
  return out;
}

function loanEvents(w: World, m: Mapper): DomainEvent[] {
  const out: DomainEvent[] = [];
  for (const l of w.loans.filter((x) => x.submittedDay < w.nowDay)) {
    const companyId = m.pid(w.companies[l.company].id);
    out.push(
      ev(T.applicationSubmitted, l.submittedDay, {
        applicationId: m.pid(l.applicationId),
        companyId,
        amount: l.amount,
        termMonths: l.termMonths,
        purpose: l.purpose,
        submittedAt: isoInstant(l.submittedDay, l.submittedSecond),
        guarantors: [],
      }),
    );
    if (l.disbursedDay >= w.nowDay) {
      continue;
    }
    out.push(
      ev(T.loanDisbursed, l.disbursedDay, {
        loanId: m.pid(l.id),
        applicationId: m.pid(l.applicationId),
        companyId,
        amount: l.amount,
        termMonths: l.termMonths,
        purpose: l.purpose,
        interestRate: l.interestRate,
        disbursedAt: isoDay(l.disbursedDay),
        maturityAt: isoDay(addMonths(l.disbursedDay, l.termMonths)),
      }),
    );
    for (const g of l.guarantees.map((i) => w.guarantees[i])) {
      out.push(
        ev(T.guaranteeRegistered, g.fromDay, {
          guaranteeId: m.pid(g.id),
          loanId: m.pid(l.id),
          borrowerCompanyId: companyId,
          guarantor: m.party(w, g.guarantorKind, g.guarantor),
          amount: g.amount,
          validFrom: isoDay(g.fromDay),
          ...(g.toDay < NEVER ? { validTo: isoDay(g.toDay) } : {}),
        }),
      );
    }
    if (l.defaulted && l.defaultDay < w.nowDay) {
      out.push(
        ev(T.loanDefaulted, l.defaultDay, {
          loanId: m.pid(l.id),
          companyId,
          exposure: l.amount,
          defaultedAt: isoDay(l.defaultDay),
        }),
      );
    }
  }
  return out;
}
