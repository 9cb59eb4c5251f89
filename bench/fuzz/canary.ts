import type { Kafka } from 'kafkajs';

import { CoreBankingEventTypes as T, Topics } from '@loanmesh/contracts';
import { SeededRandom } from '@loanmesh/world';

import { companyPayload, coreBankingEvent } from '../../apps/ingestion/src/testing/core-banking-event.factory';

import { downstreamBases } from './base-events';
import type { FuzzRecord, JsonObject, SentRecord } from './fuzz-record';
import type { FuzzProducer } from './fuzz-producer';
import type { ConsumerSpec } from './fuzz-stack';
import { standardHeaders } from './record-headers';
import type { TopicObserver } from './topic-observer';

/** Whether a consumer took a valid record on each partition after the fuzz. */
export interface CanaryResult {
  service: string;
  topic: string;
  sent: number;
  processed: number;
  /** Partitions whose canary was not committed past, or was dead-lettered, within the wait. */
  stuckPartitions: number[];
}

function record(topic: string, event: JsonObject, key: string | null): FuzzRecord {
  return {
    topic,
    key,
    value: JSON.stringify(event),
    headers: standardHeaders(event),
    mutator: 'canary',
    expected: 'stored',
  };
}

/** One valid event per partition of every consumed topic, sent after the fuzz. */
export async function sendCanaries(
  producer: FuzzProducer,
  seed: number,
  partitions: number,
  topics: readonly string[],
): Promise<SentRecord[]> {
  const bases = new Map(downstreamBases(seed + 1, new SeededRandom(seed, 7)).map((b) => [b.topic, b]));
  const records: FuzzRecord[] = [];
  for (const topic of topics) {
    for (let p = 0; p < partitions; p++) {
      if (topic === Topics.coreBankingEvents) {
        const id = `canary-${seed}-${p}-${Date.now().toString(36)}`;
        const event = coreBankingEvent(T.companyRegistered, companyPayload(id), new Date().toISOString());
        records.push(record(topic, event, id));
      } else {
        const base = bases.get(topic)!;
        const event = base.next();
        records.push(record(topic, event, base.keyOf(event)));
      }
    }
  }
  return (await producer.sendToPartitions(records, (i) => i % partitions)).sent;
}

/** Waits (bounded) until each consumer's group has committed past its canaries; dead-lettered canaries do not count. */
export async function checkCanaries(
  kafka: Kafka,
  consumers: readonly ConsumerSpec[],
  canaries: readonly SentRecord[],
  observer: TopicObserver,
  timeoutMs: number,
): Promise<CanaryResult[]> {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const results = await Promise.all(
        consumers.map(async (c) => {
          const [committed] = await admin.fetchOffsets({ groupId: c.groupId, topics: [c.topic] });
          const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
          const mine = canaries.filter((s) => s.record.topic === c.topic);
          const stuck = mine
            .filter(
              (s) =>
                (at.get(s.partition) ?? -1n) <= BigInt(s.offset) ||
                observer.deadLetters.has(`${c.service}|${c.topic}|${s.partition}|${s.offset}`),
            )
            .map((s) => s.partition);
          return {
            service: c.service,
            topic: c.topic,
            sent: mine.length,
            processed: mine.length - stuck.length,
            stuckPartitions: stuck,
          };
        }),
      );
      if (results.every((r) => r.stuckPartitions.length === 0) || Date.now() > deadline) {
        return results;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await admin.disconnect();
  }
}
