import type { KafkaMessage } from 'kafkajs';

import { Headers } from '@loanmesh/contracts';

/** A dead letter as the operator table keeps it. */
export interface DeadLetterRecord {
  original_topic: string;
  original_partition: number;
  original_offset: string;
  code: string;
  reason: string;
}

/** Reads the headers the shared dead-letter service writes; the bytes are left in Kafka. */
export function toDeadLetterRecord(message: KafkaMessage): DeadLetterRecord {
  const header = (name: string): string => {
    const v = message.headers?.[name];
    const first = Array.isArray(v) ? v[0] : v;
    return first === undefined ? '' : first.toString();
  };
  return {
    original_topic: header(Headers.originalTopic) || 'unknown',
    original_partition: Number(header(Headers.originalPartition) || -1),
    original_offset: header(Headers.originalOffset) || `dlq-${message.offset}`,
    code: header(Headers.deadLetterCode) || 'UNKNOWN',
    reason: header(Headers.deadLetterReason),
  };
}
