import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DeadLetterEntity } from '../dead-letters/dead-letter.entity';
import { DuplicateDeliveryEntity } from '../store/duplicate-delivery.entity';
import { RawEventEntity } from '../store/raw-event.entity';

/** stored + duplicates + deadLettered = records sent, once ingestion has caught up. */
export interface IngestionStats {
  stored: number;
  duplicates: number;
  deadLettered: number;
  total: number;
}

@Injectable()
export class IngestionStatsService {
  constructor(private readonly dataSource: DataSource) {}

  async stats(): Promise<IngestionStats> {
    const [stored, duplicates, deadLettered] = await Promise.all([
      this.dataSource.getRepository(RawEventEntity).count(),
      this.dataSource.getRepository(DuplicateDeliveryEntity).count(),
      this.dataSource.getRepository(DeadLetterEntity).count(),
    ]);
    return { stored, duplicates, deadLettered, total: stored + duplicates + deadLettered };
  }
}
