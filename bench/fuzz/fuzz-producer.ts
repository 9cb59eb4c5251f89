import type { Kafka, Message, Producer } from 'kafkajs';

import type { SeededRandom } from '@loanmesh/world';

import type { FuzzRecord, SentRecord } from './fuzz-record';

/** Records bigger than this go alone: a batch for one partition must stay under the broker's limit. */
const ALONE_BYTES = 64 * 1024;
const BATCH_RECORDS = 500;
const BATCH_BYTES = 512 * 1024;

export interface SendOutcome {
  sent: SentRecord[];
  /** Refused by the broker (too large): never on the topic, so not counted as sent. */
  refused: FuzzRecord[];
}

function sizeOf(r: FuzzRecord): number {
  return r.value === null ? 0 : typeof r.value === 'string' ? Buffer.byteLength(r.value) : r.value.length;
}

/**
 * Sends records with a partition chosen here (seeded, spread evenly), so each send's base
 * offsets give every record's exact position for the accounting.
 */
export class FuzzProducer {
  private readonly producer: Producer;
  private readonly partitions = new Map<string, number>();

  constructor(
    private readonly kafka: Kafka,
    private readonly rng: SeededRandom,
  ) {
    this.producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 3 } });
  }

  async connect(topics: readonly string[]): Promise<void> {
    await this.producer.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
      metadata.forEach((t) => this.partitions.set(t.name, t.partitions.length));
    } finally {
      await admin.disconnect();
    }
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  async send(records: Iterable<FuzzRecord>, out: SendOutcome = { sent: [], refused: [] }): Promise<SendOutcome> {
    let batch: FuzzRecord[] = [];
    let bytes = 0;
    for (const r of records) {
      if (sizeOf(r) > ALONE_BYTES) {
        await this.sendAlone(r, out);
        continue;
      }
      if (
        batch.length > 0 &&
        (batch[0].topic !== r.topic || batch.length >= BATCH_RECORDS || bytes + sizeOf(r) > BATCH_BYTES)
      ) {
        await this.sendBatch(batch, out);
        [batch, bytes] = [[], 0];
      }
      batch.push(r);
      bytes += sizeOf(r);
    }
    if (batch.length > 0) {
      await this.sendBatch(batch, out);
    }
    return out;
  }

  /** Sends each record to the partition `partitionOf(index)` (one record per send, in order). */
  async sendToPartitions(records: readonly FuzzRecord[], partitionOf: (index: number) => number): Promise<SendOutcome> {
    const out: SendOutcome = { sent: [], refused: [] };
    for (const [i, r] of records.entries()) {
      await this.sendBatch([r], out, partitionOf(i));
    }
    return out;
  }

  private async sendAlone(r: FuzzRecord, out: SendOutcome): Promise<void> {
    try {
      await this.sendBatch([r], out);
    } catch (e) {
      if (r.expected !== 'broker-reject') {
        throw e;
      }
      out.refused.push(r);
    }
  }

  private async sendBatch(batch: FuzzRecord[], out: SendOutcome, partition?: number): Promise<void> {
    const topic = batch[0].topic;
    const count = this.partitions.get(topic) ?? 1;
    const messages: (Message & { partition: number })[] = batch.map((r) => ({
      key: r.key,
      value: r.value,
      headers: r.headers,
      partition: partition ?? this.rng.int(count),
    }));
    const acks = await this.producer.send({ topic, acks: -1, messages });
    const next = new Map(acks.map((a) => [a.partition, BigInt(a.baseOffset ?? '0')]));
    messages.forEach((m, i) => {
      const offset = next.get(m.partition) ?? 0n;
      out.sent.push({ record: batch[i], partition: m.partition, offset: offset.toString() });
      next.set(m.partition, offset + 1n);
    });
  }
}
