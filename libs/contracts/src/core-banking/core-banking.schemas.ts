import { z } from 'zod';

import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';
import {
  boundedList,
  finiteNumber,
  int4,
  isoDate,
  isoInstant,
  isoMonth,
  lineText,
  money,
  ratio,
  signedMoney,
  unitInterval,
} from '../envelope/safe-primitives';
import { addressSchema, id, partyRef } from './common.schema';

/**
 * Upstream core-banking events (topic `corebanking.events.v1`). Every entity payload carries
 * a per-entity `version` that rises with each change, so late or reordered updates can be
 * applied by version instead of arrival order.
 */
export const CoreBankingEventTypes = {
  companyRegistered: 'company.registered',
  companyUpdated: 'company.updated',
  personRegistered: 'person.registered',
  directorLinked: 'director.linked',
  shareholderLinked: 'shareholder.linked',
  supplierLinked: 'supplier.linked',
  guaranteeRegistered: 'guarantee.registered',
  accountOpened: 'account.opened',
  transactionBatch: 'transaction.batch',
  applicationSubmitted: 'loan.application-submitted',
  loanDisbursed: 'loan.disbursed',
  repaymentMade: 'loan.repayment-made',
  paymentMissed: 'loan.payment-missed',
  loanDefaulted: 'loan.defaulted',
  publicRecordFiled: 'public-record.filed',
} as const;
export type CoreBankingEventType = (typeof CoreBankingEventTypes)[keyof typeof CoreBankingEventTypes];

const T = CoreBankingEventTypes;

export const companyPayload = z.object({
  companyId: id,
  version: int4(),
  name: lineText(200),
  registrationNumber: lineText(40),
  registeredAt: isoDate,
  registeredCapital: money,
  legalForm: z.enum(['LLC', 'JSC', 'SOLE_PROPRIETOR', 'PARTNERSHIP']),
  industryCode: lineText(10, 2),
  region: lineText(40),
  employees: int4(),
  annualRevenue: money,
  financials: z.object({
    totalAssets: money,
    totalLiabilities: money,
    netProfit: signedMoney,
    currentRatio: ratio,
  }),
  address: addressSchema,
  phone: lineText(32, 3),
});

export const personPayload = z.object({
  personId: id,
  version: int4(),
  /** Pseudonymous national id; ingestion stores it only as a keyed hash. */
  nationalId: lineText(32, 4),
  fullName: lineText(200),
  birthYear: int4(1900, 2030),
  address: addressSchema,
  phone: lineText(32, 3),
});

export const directorLinkedPayload = z.object({
  companyId: id,
  personId: id,
  role: z.enum(['DIRECTOR', 'LEGAL_REPRESENTATIVE']),
  validFrom: isoDate,
  validTo: isoDate.optional(),
});

export const shareholderLinkedPayload = z.object({
  companyId: id,
  holder: partyRef,
  share: finiteNumber().gt(0).lte(1),
  validFrom: isoDate,
  validTo: isoDate.optional(),
});

export const supplierLinkedPayload = z.object({
  supplierCompanyId: id,
  customerCompanyId: id,
  yearlyVolume: money,
  validFrom: isoDate,
});

export const guaranteePayload = z.object({
  guaranteeId: id,
  loanId: id,
  borrowerCompanyId: id,
  guarantor: partyRef,
  amount: money,
  validFrom: isoDate,
  validTo: isoDate.optional(),
});

export const accountOpenedPayload = z.object({
  accountId: id,
  owner: partyRef,
  accountNumber: lineText(40, 4),
  openedAt: isoDate,
});

export const transactionBatchPayload = z.object({
  fromAccountId: id,
  toAccountId: id,
  month: isoMonth,
  count: int4(1),
  totalAmount: money,
});

export const applicationSubmittedPayload = z.object({
  applicationId: id,
  companyId: id,
  amount: money.positive(),
  termMonths: int4(1, 360),
  purpose: z.enum(['WORKING_CAPITAL', 'EQUIPMENT', 'EXPANSION', 'REFINANCING', 'TRADE_FINANCE']),
  submittedAt: isoInstant,
  guarantors: boundedList(partyRef, 10),
});

export const loanDisbursedPayload = z.object({
  loanId: id,
  applicationId: id.optional(),
  companyId: id,
  amount: money.positive(),
  termMonths: int4(1, 360),
  purpose: applicationSubmittedPayload.shape.purpose,
  interestRate: unitInterval,
  disbursedAt: isoDate,
  maturityAt: isoDate,
});

export const repaymentPayload = z.object({
  loanId: id,
  companyId: id,
  installmentNo: int4(1),
  amount: money,
  paidAt: isoDate,
});

export const paymentMissedPayload = z.object({
  loanId: id,
  companyId: id,
  installmentNo: int4(1),
  amountDue: money,
  dueAt: isoDate,
  daysPastDue: int4(),
});

export const loanDefaultedPayload = z.object({
  loanId: id,
  companyId: id,
  exposure: money,
  defaultedAt: isoDate,
});

export const publicRecordPayload = z.object({
  recordId: id,
  subject: partyRef,
  kind: z.enum(['COURT_JUDGMENT', 'TAX_ARREARS', 'ADMINISTRATIVE_PENALTY']),
  amount: money,
  filedAt: isoDate,
  status: z.enum(['ACTIVE', 'RESOLVED']),
});

export const coreBankingSchemas = {
  companyRegistered: eventSchema(T.companyRegistered, 1, companyPayload),
  companyUpdated: eventSchema(T.companyUpdated, 1, companyPayload),
  personRegistered: eventSchema(T.personRegistered, 1, personPayload),
  directorLinked: eventSchema(T.directorLinked, 1, directorLinkedPayload),
  shareholderLinked: eventSchema(T.shareholderLinked, 1, shareholderLinkedPayload),
  supplierLinked: eventSchema(T.supplierLinked, 1, supplierLinkedPayload),
  guaranteeRegistered: eventSchema(T.guaranteeRegistered, 1, guaranteePayload),
  accountOpened: eventSchema(T.accountOpened, 1, accountOpenedPayload),
  transactionBatch: eventSchema(T.transactionBatch, 1, transactionBatchPayload),
  applicationSubmitted: eventSchema(T.applicationSubmitted, 1, applicationSubmittedPayload),
  loanDisbursed: eventSchema(T.loanDisbursed, 1, loanDisbursedPayload),
  repaymentMade: eventSchema(T.repaymentMade, 1, repaymentPayload),
  paymentMissed: eventSchema(T.paymentMissed, 1, paymentMissedPayload),
  loanDefaulted: eventSchema(T.loanDefaulted, 1, loanDefaultedPayload),
  publicRecordFiled: eventSchema(T.publicRecordFiled, 1, publicRecordPayload),
};

type Schemas = typeof coreBankingSchemas;
/** Any valid core-banking event, discriminated by `type`. */
export type CoreBankingEvent = { [K in keyof Schemas]: z.infer<Schemas[K]> }[keyof Schemas];
export type CoreBankingEventOf<TType extends CoreBankingEventType> = Extract<CoreBankingEvent, { type: TType }>;

export const coreBankingRegistry: SchemaRegistry = Object.fromEntries(
  Object.values(coreBankingSchemas).map((s) => [s.shape.type.value, { [s.shape.schemaVersion.value]: s }]),
);

/** The Kafka key that keeps one company's events in order on one partition. */
export function coreBankingKey(event: CoreBankingEvent): string {
  switch (event.type) {
    case T.companyRegistered:
    case T.companyUpdated:
    case T.directorLinked:
    case T.shareholderLinked:
    case T.applicationSubmitted:
    case T.loanDisbursed:
    case T.repaymentMade:
    case T.paymentMissed:
    case T.loanDefaulted:
      return event.payload.companyId;
    case T.personRegistered:
      return event.payload.personId;
    case T.supplierLinked:
      return event.payload.customerCompanyId;
    case T.guaranteeRegistered:
      return event.payload.borrowerCompanyId;
    case T.accountOpened:
      return event.payload.owner.id;
    case T.transactionBatch:
      return event.payload.fromAccountId;
    case T.publicRecordFiled:
      return event.payload.subject.id;
  }
}
