import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';

import { OutboxMessageEntity } from '@loanmesh/database';

import { DeadLetterEntity } from '../dead-letters/dead-letter.entity';
import { type ParkedSummary, ParkedApplicationsService } from '../parked/parked-applications.service';
import { DuplicateDeliveryEntity } from '../store/duplicate-delivery.entity';
import { RawEventEntity } from '../store/raw-event.entity';

/**
 * stored + duplicates + deadLettered = records sent, once ingestion has caught up. Parked
 * applications are among the stored; `parked` says how many still wait for their company
 * and how many were given up on and sent to officers.
 */
export interface IngestionStats {
  stored: number;
  duplicates: number;
  deadLettered: number;
  total: number;
  parked: ParkedSummary;
  /** Outbox rows not yet on Kafka (domain events, applications): ingestion's own backlog. */
  outboxUnpublished: number;
}

@Injectable()
export class IngestionStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parked: ParkedApplicationsService,
  ) {}

  async stats(): Promise<IngestionStats> {
    const [stored, duplicates, deadLettered, parked, outboxUnpublished] = await Promise.all([
      this.dataSource.getRepository(RawEventEntity).count(),
      this.dataSource.getRepository(DuplicateDeliveryEntity).count(),
      this.dataSource.getRepository(DeadLetterEntity).count(),
      this.parked.summary(),
      this.dataSource
        .getRepository(OutboxMessageEntity)
        .count({ where: { publishedAt: IsNull(), failedAt: IsNull() } }),
    ]);
    return { stored, duplicates, deadLettered, total: stored + duplicates + deadLettered, parked, outboxUnpublished };
  }
}
