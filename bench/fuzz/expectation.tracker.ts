import { ContractViolation, eventDigest, parseEvent, type SchemaRegistry } from '@loanmesh/contracts';

import type { ExpectedClass, FuzzRecord } from './fuzz-record';
import { BROKER_MAX_MESSAGE_BYTES } from './mutators/size.mutators';

type Verdict = Pick<FuzzRecord, 'expected' | 'expectedCode'>;

/**
 * What the contract says of each record of one topic, in send order: the broker refuses it,
 * the topic's schemas reject it (with the code), or it is an event, which is new, a duplicate
 * (its source and id seen with the same content) or a conflict (other content). Uses the
 * contract's own parser and digest, so the expectation is the contract's, not the fuzzer's.
 */
export class ExpectationTracker {
  private readonly digests = new Map<string, string>();

  constructor(private readonly registry: SchemaRegistry) {}

  classify(value: string | Buffer | null): Verdict {
    const size = value === null ? 0 : typeof value === 'string' ? Buffer.byteLength(value) : value.length;
    if (size > BROKER_MAX_MESSAGE_BYTES) {
      return { expected: 'broker-reject' };
    }
    let event: { source: string; eventId: string };
    try {
      event = parseEvent<{ source: string; eventId: string }>(value, this.registry);
    } catch (e) {
      if (e instanceof ContractViolation) {
        return { expected: 'dead-letter', expectedCode: e.code };
      }
      throw e;
    }
    const key = `${event.source}\u0000${event.eventId}`;
    const digest = eventDigest(event);
    const seen = this.digests.get(key);
    if (seen === undefined) {
      this.digests.set(key, digest);
      return { expected: 'stored' };
    }
    return seen === digest ? { expected: 'duplicate' } : { expected: 'dead-letter', expectedCode: 'EVENT_ID_CONFLICT' };
  }
}

export const EXPECTED_CLASSES: readonly ExpectedClass[] = ['stored', 'duplicate', 'dead-letter', 'broker-reject'];
