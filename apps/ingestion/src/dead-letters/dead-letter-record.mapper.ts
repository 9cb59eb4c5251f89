import type { KafkaMessage } from 'kafkajs';

import { Headers } from '@loanmesh/contracts';

/** A dead letter as the operator table keeps it. */
export interface DeadLetterRecord {
  original_topic: string;
  original_partition: number;
  original_offset: string;
  code: string;
  reason: string;
  event_type: string | null;
  application_id: string | null;
  /** When the record was dead-lettered (the dead-letter record's timestamp), so right at receipt. */
  dead_lettered_at: string | null;
}

/** Reads the headers the shared dead-letter service writes; the bytes are left in Kafka. */
export function toDeadLetterRecord(message: KafkaMessage): DeadLetterRecord {
  const header = (name: string): string => {
    const v = message.headers?.[name];
    const first = Array.isArray(v) ? v[0] : v;
    return first === undefined ? '' : first.toString();
  };
  const timestamp = Number(message.timestamp);
  return {
    original_topic: header(Headers.originalTopic) || 'unknown',
    original_partition: Number(header(Headers.originalPartition) || -1),
    original_offset: header(Headers.originalOffset) || `dlq-${message.offset}`,
    code: header(Headers.deadLetterCode) || 'UNKNOWN',
    reason: header(Headers.deadLetterReason),
    ...eventRefOf(message.value),
    dead_lettered_at: Number.isFinite(timestamp) && timestamp > 0 ? new Date(timestamp).toISOString() : null,
  };
}

/** Only the first bytes are searched: the envelope and the application id come first. */
const SCAN_BYTES = 64 * 1024;
const TYPE = /"type"\s*:\s*"([^"\\]{1,100})"/;
const APPLICATION_ID = /"applicationId"\s*:\s*"([^"\\]{1,64})"/;

/**
 * The event type and application id a rejected record shows, so the accounting can tell
 * which application a dead letter belonged to. The record is invalid by definition (often
 * truncated JSON), so it is searched as text rather than parsed; a field it does not show
 * stays null.
 */
export function eventRefOf(value: Buffer | null): Pick<DeadLetterRecord, 'event_type' | 'application_id'> {
  const text = value?.subarray(0, SCAN_BYTES).toString('utf8') ?? '';
  return { event_type: TYPE.exec(text)?.[1] ?? null, application_id: APPLICATION_ID.exec(text)?.[1] ?? null };
}
