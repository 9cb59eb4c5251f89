import type { IHeaders, KafkaMessage } from 'kafkajs';

import { Headers } from '@loanmesh/contracts';

import { type DeadLetterRef, formatDeadLetterId } from './dead-letter-id';

/** Names the dead letter a replayed record came from (`<topic>:<partition>:<offset>`). */
export const REPLAYED_FROM_HEADER = 'x-replayed-from';

/** Headers the dead-letter service adds; a replay strips them so the record reads as the original. */
export const DEAD_LETTER_HEADERS: readonly string[] = [
  Headers.deadLetterCode,
  Headers.deadLetterReason,
  Headers.originalTopic,
  Headers.originalPartition,
  Headers.originalOffset,
];

/** A record read from a dead-letter topic, with what its headers and value say about it. */
export interface StoredDeadLetter extends DeadLetterRef {
  id: string;
  time: string;
  code: string;
  reason: string;
  original: { topic?: string; partition?: number; offset?: string };
  eventId?: string;
  eventType?: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer>;
}

export function toStoredDeadLetter(topic: string, partition: number, m: KafkaMessage): StoredDeadLetter {
  const headers = bufferHeaders(m.headers);
  const text = (name: string): string | undefined => headers[name]?.toString('utf8');
  const partitionText = text(Headers.originalPartition);
  const ref = { topic, partition, offset: m.offset };
  return {
    ...ref,
    id: formatDeadLetterId(ref),
    time: new Date(Number(m.timestamp)).toISOString(),
    code: text(Headers.deadLetterCode) ?? 'UNKNOWN',
    reason: text(Headers.deadLetterReason) ?? '',
    original: {
      topic: text(Headers.originalTopic),
      partition: partitionText === undefined ? undefined : Number(partitionText),
      offset: text(Headers.originalOffset),
    },
    ...eventIdentity(m.value),
    key: m.key,
    value: m.value,
    headers,
  };
}

/** The original headers plus `x-replayed-from`: what a replay sends with the original bytes. */
export function replayHeaders(dl: StoredDeadLetter): Record<string, Buffer | string> {
  const kept = Object.entries(dl.headers).filter(
    ([k]) => !DEAD_LETTER_HEADERS.includes(k) && k !== REPLAYED_FROM_HEADER,
  );
  return { ...Object.fromEntries(kept), [REPLAYED_FROM_HEADER]: dl.id };
}

function bufferHeaders(headers: IHeaders | undefined): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) {
      out[k] = Buffer.isBuffer(first) ? first : Buffer.from(first);
    }
  }
  return out;
}

/** Event id and type when the value is an event envelope; nothing when it does not parse. */
function eventIdentity(value: Buffer | null): { eventId?: string; eventType?: string } {
  try {
    const parsed: unknown = JSON.parse(value?.toString('utf8') ?? '');
    if (typeof parsed !== 'object' || parsed === null) {
      return {};
    }
    const { eventId, type } = parsed as Record<string, unknown>;
    return {
      ...(typeof eventId === 'string' ? { eventId } : {}),
      ...(typeof type === 'string' ? { eventType: type } : {}),
    };
  } catch {
    return {};
  }
}
