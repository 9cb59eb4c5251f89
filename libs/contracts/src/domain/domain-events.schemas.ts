import { z } from 'zod';

import {
  accountOpenedPayload,
  companyPayload,
  CoreBankingEventTypes as T,
  coreBankingSchemas,
  personPayload,
} from '../core-banking/core-banking.schemas';
import { addressSchema } from '../core-banking/common.schema';
import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';
import { lineText, patternText } from '../envelope/safe-primitives';

/**
 * Normalized domain events (topic `ingestion.domain-events.v1`), published by ingestion's
 * outbox after an event is accepted and applied. Same types as core banking, but personal
 * identifiers are replaced by keyed-hash tokens and addresses/phones are normalized, so
 * the graph can match them without ever holding them in clear. `causationId` is the
 * core-banking event id (lineage).
 */
const token = patternText(/^[0-9a-f]{32}$/, 'expected a 32-hex token');

const A = addressSchema.shape;
const maxOf = (s: z.ZodString): number => s.maxLength ?? 0;
/**
 * Longest address key: upper-casing can triple a code unit ('ﬃ' becomes 'FFI'), and the
 * key joins the three parts with two '|'. Every address core banking may send has a key.
 */
export const ADDRESS_KEY_MAX = 3 * (maxOf(A.line1) + maxOf(A.city) + maxOf(A.postcode)) + 2;

export const normalizedAddressSchema = z.object({
  /** Upper-cased, punctuation stripped, whitespace collapsed: "12 MAIN ST|SPRINGFIELD|12345". */
  key: lineText(ADDRESS_KEY_MAX),
  city: A.city,
  postcode: A.postcode,
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
