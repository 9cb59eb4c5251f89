import { z } from 'zod';

import {
  accountOpenedPayload,
  companyPayload,
  CoreBankingEventTypes as T,
  coreBankingSchemas,
  personPayload,
} from '../core-banking/core-banking.schemas';
import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';

/**
 * Normalized domain events (topic `ingestion.domain-events.v1`), published by ingestion's
 * outbox after an event is accepted and applied. Same types as core banking, but personal
 * identifiers are replaced by keyed-hash tokens and addresses/phones are normalized, so
 * the graph can match them without ever holding them in clear. `causationId` is the
 * core-banking event id (lineage).
 */
const token = z.string().regex(/^[0-9a-f]{32}$/, 'expected a 32-hex token');

export const normalizedAddressSchema = z.object({
  /** Upper-cased, punctuation stripped, whitespace collapsed: "12 MAIN ST|SPRINGFIELD|12345". */
  key: z.string().min(1).max(300),
  city: z.string(),
  postcode: z.string(),
});

export const domainCompanyPayload = companyPayload.omit({ phone: true, address: true }).extend({
  phoneToken: token,
  address: normalizedAddressSchema,
});

export const domainPersonPayload = personPayload.omit({ nationalId: true, phone: true, address: true }).extend({
  nationalIdToken: token,
  phoneToken: token,
  address: normalizedAddressSchema,
});

export const domainAccountPayload = accountOpenedPayload.omit({ accountNumber: true }).extend({ accountToken: token });

const S = coreBankingSchemas;
export const domainEventSchemas = {
  companyRegistered: eventSchema(T.companyRegistered, 1, domainCompanyPayload),
  companyUpdated: eventSchema(T.companyUpdated, 1, domainCompanyPayload),
  personRegistered: eventSchema(T.personRegistered, 1, domainPersonPayload),
  accountOpened: eventSchema(T.accountOpened, 1, domainAccountPayload),
  directorLinked: S.directorLinked,
  shareholderLinked: S.shareholderLinked,
  supplierLinked: S.supplierLinked,
  guaranteeRegistered: S.guaranteeRegistered,
  transactionBatch: S.transactionBatch,
  applicationSubmitted: S.applicationSubmitted,
  loanDisbursed: S.loanDisbursed,
  repaymentMade: S.repaymentMade,
  paymentMissed: S.paymentMissed,
  loanDefaulted: S.loanDefaulted,
  publicRecordFiled: S.publicRecordFiled,
};

type Schemas = typeof domainEventSchemas;
export type DomainEvent = { [K in keyof Schemas]: z.infer<Schemas[K]> }[keyof Schemas];

export const domainEventRegistry: SchemaRegistry = Object.fromEntries(
  Object.values(domainEventSchemas).map((s) => [s.shape.type.value, { [s.shape.schemaVersion.value]: s }]),
);
