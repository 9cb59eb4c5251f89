import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { TopicPositions } from '@loanmesh/contracts';

import { INGESTION_SCHEMA } from '../database/ingestion-database';

const TABLE = `"${INGESTION_SCHEMA}".consumer_progress`;
/** Positions only move forward: a late or replayed chunk never takes one back. */
const ADVANCE_SQL = `INSERT INTO ${TABLE} (topic, kafka_partition, next_offset)
  SELECT $1, p::int, o::bigint FROM jsonb_each_text($2::jsonb) AS x(p, o)
  ON CONFLICT (topic, kafka_partition) DO UPDATE
    SET next_offset = GREATEST(${TABLE}.next_offset, EXCLUDED.next_offset), updated_at = now()
    WHERE ${TABLE}.next_offset < EXCLUDED.next_offset`;
const POSITIONS_SQL = `SELECT kafka_partition AS partition, next_offset::text AS offset FROM ${TABLE} WHERE topic = $1`;

/**
 * The next offset of each partition that every record before it has been processed for
 * (stored, counted as a duplicate or dead-lettered). Shared by all ingestion replicas, so
 * the relay of any one of them can tell whether the others have caught up.
 */
@Injectable()
export class ConsumerProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  async advance(topic: string, positions: TopicPositions): Promise<void> {
    if (Object.keys(positions).length > 0) {
      await this.dataSource.query(ADVANCE_SQL, [topic, JSON.stringify(positions)]);
    }
  }

  async positions(topic: string): Promise<TopicPositions> {
    const rows: { partition: number; offset: string }[] = await this.dataSource.query(POSITIONS_SQL, [topic]);
    return Object.fromEntries(rows.map((r) => [String(r.partition), Number(r.offset)]));
  }
}
