import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';

import { APP_CONFIG } from '@loanmesh/config';
import { Topics } from '@loanmesh/contracts';
import { OutboxRelayService } from '@loanmesh/database';
import { TopicPositionsService } from '@loanmesh/kafka';

import type { IngestionConfig } from '../config/ingestion.config';
import { ConsumerProgressRepository } from './consumer-progress.repository';

/**
 * Records how far the core-banking consumer has got, chunk by chunk, once every record of
 * the chunk is settled (stored, duplicate or dead-lettered), and wakes the relay, which may
 * be holding an application until this position passes its freshness barrier.
 */
@Injectable()
export class ConsumerProgressService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConsumerProgressService.name);

  constructor(
    private readonly repository: ConsumerProgressRepository,
    private readonly positions: TopicPositionsService,
    private readonly relay: OutboxRelayService,
    @Inject(APP_CONFIG) private readonly config: Pick<IngestionConfig, 'KAFKA_GROUP_ID' | 'KAFKA_FROM_BEGINNING'>,
  ) {}

  /**
   * Records processed before this table existed (or before a restart lost a chunk's update)
   * are covered by the group's committed offsets: start from those.
   */
  async onApplicationBootstrap(): Promise<void> {
    const topic = Topics.coreBankingEvents;
    const committed = await this.positions.committedOffsets(this.config.KAFKA_GROUP_ID, topic);
    if (!this.config.KAFKA_FROM_BEGINNING) {
      // A new group then starts at the topic's end (tests and benchmarks on a shared broker):
      // what was there before is not for this ingestion, so it counts as processed.
      const end = await this.positions.endOffsets(topic);
      for (const [partition, offset] of Object.entries(end)) {
        committed[partition] ??= offset;
      }
    }
    await this.repository.advance(topic, committed);
    this.logger.log({ msg: 'consumer progress seeded', committed });
  }

  async processed(records: readonly KafkaContext[]): Promise<void> {
    const last = records[records.length - 1];
    if (!last) {
      return;
    }
    await this.repository.advance(last.getTopic(), {
      [String(last.getPartition())]: Number(last.getMessage().offset) + 1,
    });
    this.relay.wake();
  }
}
