import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';

import type { TopicPositions } from '@loanmesh/contracts';

import { KAFKA_CLIENT } from './kafka.tokens';

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
    const [entry] = await (await this.connected()).fetchOffsets({ groupId, topics: [topic] });
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
      await (await this.connected()).setOffsets({ groupId, topic, partitions });
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
