import type { ContractViolationCode } from '@loanmesh/contracts';

/** A JSON value as the mutators handle it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Kafka headers of a fuzzed record; bytes allowed, since a header is bytes on the wire. */
export type RecordHeaders = Record<string, string | Buffer>;

/** What one mutation produces: the value's bytes, and headers or key when it changes them. */
export interface Produced {
  value: string | Buffer | null;
  /** Replaces the record's headers (e.g. `{}` for a record without headers). */
  headers?: RecordHeaders;
  /** Replaces the record's key (`null`: no key). */
  key?: string | Buffer | null;
}

/**
 * The class a record should land in by the contract: `stored` (the topic's schemas accept it),
 * `duplicate` (an event already sent, same content), `dead-letter` (with the contract's code,
 * or EVENT_ID_CONFLICT), `broker-reject` (bigger than the broker takes: never on the topic).
 */
export type ExpectedClass = 'stored' | 'duplicate' | 'dead-letter' | 'broker-reject';

/** One record to send, with the mutator that made it and what the contract says of it. */
export interface FuzzRecord {
  topic: string;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers: RecordHeaders;
  mutator: string;
  expected: ExpectedClass;
  expectedCode?: ContractViolationCode | 'EVENT_ID_CONFLICT';
}

/** Where a sent record landed. */
export interface SentRecord {
  record: FuzzRecord;
  partition: number;
  offset: string;
}
