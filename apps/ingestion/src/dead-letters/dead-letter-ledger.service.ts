import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { INGESTION_SCHEMA } from '../database/ingestion-database';
import { insertDeadLettersSql } from '../store/store.sql';
import type { DeadLetterRecord } from './dead-letter-record.mapper';
import { DeadLetterEntity } from './dead-letter.entity';

const INSERT = insertDeadLettersSql(INGESTION_SCHEMA);

/** What to list: the latest `limit` dead letters, of one reason code when `code` is given. */
export interface DeadLetterQuery {
  limit: number;
  code?: string;
}

export interface DeadLetterListing {
  total: number;
  byCode: { code: string; count: number }[];
  items: { code: string; reason: string; topic: string; partition: number; offset: string; deadLetteredAt: string }[];
}

/** The operator's view of dead letters: record them once, list them with counts by reason code. */
@Injectable()
export class DeadLetterLedgerService {
  constructor(private readonly dataSource: DataSource) {}

  async record(records: readonly DeadLetterRecord[]): Promise<void> {
    if (records.length > 0) {
      await this.dataSource.query(INSERT, [JSON.stringify(records)]);
    }
  }

  async list({ limit, code }: DeadLetterQuery): Promise<DeadLetterListing> {
    const repo = this.dataSource.getRepository(DeadLetterEntity);
    const where = code === undefined ? {} : { code };
    const counts = repo.createQueryBuilder('d');
    if (code !== undefined) {
      counts.where('d.code = :code', { code });
    }
    const [byCode, items] = await Promise.all([
      counts
        .select('d.code', 'code')
        .addSelect('count(*)::int', 'count')
        .groupBy('d.code')
        .orderBy('count', 'DESC')
        .getRawMany<{ code: string; count: number }>(),
      repo.find({ where, order: { deadLetteredAt: 'DESC' }, take: limit }),
    ]);
    return {
      total: byCode.reduce((s, c) => s + c.count, 0),
      byCode,
      items: items.map((d) => ({
        code: d.code,
        reason: d.reason,
        topic: d.originalTopic,
        partition: d.originalPartition,
        offset: d.originalOffset,
        deadLetteredAt: d.deadLetteredAt.toISOString(),
      })),
    };
  }
}
