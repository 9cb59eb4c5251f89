import type { CoreBankingEvent } from '@loanmesh/contracts';

import { isoInstant } from '../calendar/world-calendar';
import { formatAddress, formatPhone } from '../identity/identity-format';
import { companySnapshot } from '../history/history.builder';
import { installmentCount } from '../lending/credit-ledger';
import type { Company, Loan, Person, World } from '../world.types';

export const SOURCE = 'core-banking';

/** Envelope fields except the payload: the event's id (see `WorldEventIds`), `producedAt` from the caller's clock. */
export interface EnvelopeContext {
  readonly eventId: string;
  readonly producedAt: (occurredAt: string) => string;
}

export type PayloadOf<E extends CoreBankingEvent> = E['payload'];

export function envelope<E extends CoreBankingEvent>(
  ctx: EnvelopeContext,
  type: E['type'],
  occurredAt: string,
  correlationId: string,
  payload: PayloadOf<E>,
): E {
  return {
    eventId: ctx.eventId,
    type,
    schemaVersion: 1,
    occurredAt,
    producedAt: ctx.producedAt(occurredAt),
    source: SOURCE,
    correlationId,
    payload,
  } as E;
}

export function companyPayload(
  world: World,
  c: Company,
  day: number,
): PayloadOf<CoreBankingEvent & { type: 'company.registered' }> {
  const snapshot = companySnapshot(c, day, world);
  return {
    ...snapshot,
    version: c.update && c.update.day < day ? 1 : 0,
    name: c.name,
    registrationNumber: c.registrationNumber,
    address: formatAddress(world.addresses[c.address], c.style),
    phone: formatPhone(world.phones[c.phone], c.style),
  };
}

export function personPayload(world: World, p: Person): PayloadOf<CoreBankingEvent & { type: 'person.registered' }> {
  return {
    personId: p.id,
    version: 0,
    nationalId: p.nationalId,
    fullName: p.fullName,
    birthYear: p.birthYear,
    address: formatAddress(world.addresses[p.address], p.style),
    phone: formatPhone(world.phones[p.phone], p.style),
  };
}

export function installmentAmount(loan: Loan): number {
  const n = installmentCount(loan);
  return Math.round((loan.amount / n + (loan.amount * loan.interestRate) / 4) * 100) / 100;
}

export function applicationPayload(
  world: World,
  loan: Loan,
): PayloadOf<CoreBankingEvent & { type: 'loan.application-submitted' }> {
  return {
    applicationId: loan.applicationId,
    companyId: world.companies[loan.company].id,
    amount: loan.amount,
    termMonths: loan.termMonths,
    purpose: loan.purpose,
    submittedAt: isoInstant(loan.submittedDay, loan.submittedSecond),
    guarantors: loan.guarantees.map((g) =>
      partyOf(world, world.guarantees[g].guarantorKind, world.guarantees[g].guarantor),
    ),
  };
}

export function partyOf(
  world: World,
  kind: 'person' | 'company',
  index: number,
): { kind: 'person' | 'company'; id: string } {
  return { kind, id: kind === 'person' ? world.persons[index].id : world.companies[index].id };
}
