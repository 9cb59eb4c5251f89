import type { Kafka } from 'kafkajs';

import { DeadLetterTopics, OpsTopics } from '@loanmesh/contracts';

import { parseDeadLetterId } from './dead-letter-id';
import { DeadLetterReplayLedger, type ReplayEntry } from './dead-letter-replay.ledger';
import { DeadLetterToolException } from './dead-letter-tool.exception';
import { replayHeaders, type StoredDeadLetter, toStoredDeadLetter } from './stored-dead-letter';
import { scanTopic } from './topic-scan';

export const DEAD_LETTER_SERVICES = ['ingestion', 'graph', 'inference', 'review'] as const;
export type DeadLetterServiceName = (typeof DEAD_LETTER_SERVICES)[number];

/** Where the dead letters and the replay ledger are; tests give their own topics. */
export interface DeadLetterTopology {
  deadLetterTopics: Readonly<Record<DeadLetterServiceName, string>>;
  ledgerTopic: string;
}

export const DEFAULT_DEAD_LETTER_TOPOLOGY: DeadLetterTopology = {
  deadLetterTopics: {
    ingestion: DeadLetterTopics.ingestion,
    graph: DeadLetterTopics.graph,
    inference: DeadLetterTopics.inference,
    review: DeadLetterTopics.review,
  },
  ledgerTopic: OpsTopics.deadLetterReplays,
};

export interface DeadLetterFilter {
  code?: string;
  /** Case-insensitive part of the reason. */
  reason?: string;
  limit: number;
}

export interface ListedDeadLetter extends StoredDeadLetter {
  replayed?: ReplayEntry;
}

export interface DeadLetterListing {
  service: DeadLetterServiceName;
  topic: string;
  /** Dead letters matching the filter (before the limit). */
  total: number;
  byCode: { code: string; count: number }[];
  /** The latest `limit` of them, newest first. */
  items: ListedDeadLetter[];
}

export type ReplaySelection = { id: string } | { service: DeadLetterServiceName; filter: DeadLetterFilter };

export interface ReplayOptions {
  force: boolean;
  dryRun: boolean;
}

export interface ReplaySummary {
  dryRun: boolean;
  replayed: { id: string; to: string }[];
  skipped: { id: string; reason: string }[];
  failed: { id: string; error: string }[];
}

/**
 * The operator's dead-letter tool for every service: reads the dead-letter topics directly
 * (so services without PostgreSQL are covered), shows one with all its headers, and replays
 * originals to where they came from, once: the replay ledger remembers what was replayed.
 */
export class DeadLetterOps {
  private readonly ledger: DeadLetterReplayLedger;

  constructor(
    private readonly kafka: Kafka,
    private readonly topology: DeadLetterTopology = DEFAULT_DEAD_LETTER_TOPOLOGY,
  ) {
    this.ledger = new DeadLetterReplayLedger(kafka, topology.ledgerTopic);
  }

  async list(service: DeadLetterServiceName, filter: DeadLetterFilter): Promise<DeadLetterListing> {
    const topic = this.topology.deadLetterTopics[service];
    const [matching, replays] = await Promise.all([this.matching(topic, filter), this.ledger.entries()]);
    const counts = new Map<string, number>();
    matching.forEach((d) => counts.set(d.code, (counts.get(d.code) ?? 0) + 1));
    return {
      service,
      topic,
      total: matching.length,
      byCode: [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
      items: [...matching]
        .reverse()
        .slice(0, filter.limit)
        .map((d) => ({ ...d, replayed: replays.get(d.id) })),
    };
  }

  async show(id: string): Promise<ListedDeadLetter> {
    const [found, replays] = await Promise.all([this.find(id), this.ledger.entries()]);
    return { ...found, replayed: replays.get(found.id) };
  }

  async replay(selection: ReplaySelection, options: ReplayOptions): Promise<ReplaySummary> {
    const chosen =
      'id' in selection
        ? [await this.find(selection.id)]
        : (await this.matching(this.topology.deadLetterTopics[selection.service], selection.filter)).slice(
            0,
            selection.filter.limit,
          );
    const replays = await this.ledger.entries();
    const summary: ReplaySummary = { dryRun: options.dryRun, replayed: [], skipped: [], failed: [] };
    const todo = chosen.filter((d) => {
      const before = replays.get(d.id);
      if (before && !options.force) {
        summary.skipped.push({ id: d.id, reason: `already replayed at ${before.replayedAt} (use --force to resend)` });
        return false;
      }
      if (!d.original.topic) {
        summary.failed.push({ id: d.id, error: 'no x-original-topic header: nowhere to replay it to' });
        return false;
      }
      return true;
    });
    if (options.dryRun) {
      summary.replayed.push(...todo.map((d) => ({ id: d.id, to: d.original.topic! })));
      return summary;
    }
    await this.send(todo, options.force, summary);
    return summary;
  }

  private async send(todo: StoredDeadLetter[], forced: boolean, summary: ReplaySummary): Promise<void> {
    if (todo.length === 0) {
      return;
    }
    await this.ledger.ensureTopic();
    const producer = this.kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      // Oldest first, one at a time: the originals reach their topic in their first order.
      for (const d of todo) {
        try {
          const [meta] = await producer.send({
            topic: d.original.topic!,
            acks: -1,
            messages: [{ key: d.key, value: d.value, headers: replayHeaders(d) }],
          });
          const replayedTo = { topic: d.original.topic!, partition: meta.partition, offset: meta.baseOffset ?? '' };
          await this.ledger.record(producer, [
            { deadLetterId: d.id, replayedTo, replayedAt: new Date().toISOString(), forced },
          ]);
          summary.replayed.push({ id: d.id, to: `${replayedTo.topic}:${replayedTo.partition}:${replayedTo.offset}` });
        } catch (e) {
          summary.failed.push({ id: d.id, error: e instanceof Error ? e.message : String(e) });
        }
      }
    } finally {
      await producer.disconnect();
    }
  }

  /** Matching dead letters of a topic, oldest first. */
  private async matching(topic: string, filter: DeadLetterFilter): Promise<StoredDeadLetter[]> {
    const reason = filter.reason?.toLowerCase();
    return (await this.read(topic)).filter(
      (d) =>
        (filter.code === undefined || d.code === filter.code) &&
        (reason === undefined || d.reason.toLowerCase().includes(reason)),
    );
  }

  private async find(id: string): Promise<StoredDeadLetter> {
    const ref = parseDeadLetterId(id);
    const known = Object.values(this.topology.deadLetterTopics);
    if (!known.includes(ref.topic)) {
      throw new DeadLetterToolException(
        'NOT_A_DEAD_LETTER_TOPIC',
        `${ref.topic} is not a dead-letter topic (known: ${known.join(', ')})`,
      );
    }
    const found = (await this.read(ref.topic)).find((d) => d.partition === ref.partition && d.offset === ref.offset);
    if (!found) {
      throw new DeadLetterToolException(
        'DEAD_LETTER_NOT_FOUND',
        `no dead letter ${id} (deleted by retention, or never written)`,
      );
    }
    return found;
  }

  private async read(topic: string): Promise<StoredDeadLetter[]> {
    const records = await scanTopic(this.kafka, topic);
    return records
      .map((r) => toStoredDeadLetter(topic, r.partition, r.message))
      .sort((a, b) => a.time.localeCompare(b.time) || a.partition - b.partition || Number(a.offset) - Number(b.offset));
  }
}
