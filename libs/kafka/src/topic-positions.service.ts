import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';

import type { TopicPositions } from '@loanmesh/contracts';

import { KAFKA_CLIENT } from './kafka.tokens';

/** What a broker answers about a group while its coordinator is still loading or moving. */
// KafkaJS's names for Kafka's error codes 14, 15 and 16.
const COORDINATOR_STARTING = new Set([
  'GROUP_LOAD_IN_PROGRESS',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
]);
const COORDINATOR_WAIT_MS = 60_000;

/**
 * Retries `work` while the group coordinator starts: on a broker that has just started (a
 * fresh demo or CI stack) the first group request of a service booting alongside it is
 * answered "the coordinator is loading"; KafkaJS's admin does not retry it, and the service
 * would exit at boot. Any other error, or a coordinator still loading after a minute, is thrown.
 */
async function whileCoordinatorStarts<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + COORDINATOR_WAIT_MS;
  for (let delay = 250; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await work();
    } catch (e) {
      const type = (e as { type?: unknown }).type;
      if (typeof type !== 'string' || !COORDINATOR_STARTING.has(type) || Date.now() + delay > deadline) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * Where topics end and where consumer groups stand, per partition: the positions the
 * freshness contract compares. One admin connection kept open, since these are asked on
 * the decision path (a connect per call would cost more than the call).
 */
@Injectable()
export class TopicPositionsService implements OnModuleDestroy {
  private admin?: Promise<Admin>;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  /** Next offset to be written, per partition (the high watermark). */
  async endOffsets(topic: string): Promise<TopicPositions> {
    const offsets = await (await this.connected()).fetchTopicOffsets(topic);
    return Object.fromEntries(offsets.map((o) => [String(o.partition), Number(o.high)]));
  }

  /** The group's committed next offsets; a partition it never committed is left out. */
  async committedOffsets(groupId: string, topic: string): Promise<TopicPositions> {
    const admin = await this.connected();
    const [entry] = await whileCoordinatorStarts(() => admin.fetchOffsets({ groupId, topics: [topic] }));
    return Object.fromEntries(
      (entry?.partitions ?? [])
        .filter((p) => Number(p.offset) >= 0)
        .map((p) => [String(p.partition), Number(p.offset)]),
    );
  }

  /** Sets where a group resumes, per partition (a group with no members, e.g. one about to start). */
  async setCommittedOffsets(groupId: string, topic: string, positions: TopicPositions): Promise<void> {
    const partitions = Object.entries(positions).map(([p, o]) => ({ partition: Number(p), offset: String(o) }));
    if (partitions.length > 0) {
      const admin = await this.connected();
      await whileCoordinatorStarts(() => admin.setOffsets({ groupId, topic, partitions }));
    }
  }

  async onModuleDestroy(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  private connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(
        () => admin,
        (e: unknown) => {
          this.admin = undefined;
          throw e;
        },
      );
    }
    return this.admin;
  }
}

/** True when every partition of `required` has been reached by `reached`. */
export function positionsReached(required: TopicPositions, reached: TopicPositions): boolean {
  return Object.entries(required).every(([p, offset]) => (reached[p] ?? 0) >= offset);
}

/** The partitions of `required` not yet reached, for a reason text. */
export function positionsBehind(
  required: TopicPositions,
  reached: TopicPositions,
): { partition: string; reached: number; required: number }[] {
  return Object.entries(required)
    .filter(([p, offset]) => (reached[p] ?? 0) < offset)
    .map(([partition, offset]) => ({ partition, reached: reached[partition] ?? 0, required: offset }));
}
