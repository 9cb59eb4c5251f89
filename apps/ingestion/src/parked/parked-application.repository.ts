import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { ApplicationIncompleteReason, CoreBankingEvent } from '@loanmesh/contracts';

import { INGESTION_SCHEMA } from '../database/ingestion-database';
import { ParkedApplicationEntity, type ParkedApplicationState } from '../store/parked-application.entity';

export type ParkedApplicationEvent = Extract<CoreBankingEvent, { type: 'loan.application-submitted' }>;

/** A parked application the sweeper has just expired. */
export interface ExpiredParkedApplication {
  application: ParkedApplicationEvent;
  parkedAt: Date;
  expiredAt: Date;
}

export interface ParkedCounts {
  waiting: number;
  expired: number;
  /** Of the expired, those announced for a human (within the decision window). */
  expiredAnnounced: number;
  /** When the longest-waiting application was parked; null when none waits. */
  oldestWaitingParkedAt: Date | null;
}

/**
 * Locks the oldest due waiting rows, skipping rows another replica's sweep holds, and
 * expires them in the same statement: two sweeps never expire (and announce) one row twice.
 */
const expireDueSql = (schema: string): string => `WITH due AS (
    SELECT event_id FROM "${schema}".parked_applications
    WHERE state = 'waiting' AND parked_at <= $1
    ORDER BY parked_at, event_id
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
  UPDATE "${schema}".parked_applications p SET state = 'expired', expired_at = $3, expiry_reason = $4
  FROM due WHERE p.event_id = due.event_id
  RETURNING p.event, p.parked_at, p.expired_at`;
const EXPIRE_DUE = expireDueSql(INGESTION_SCHEMA);
const MARK_ANNOUNCED = `UPDATE "${INGESTION_SCHEMA}".parked_applications SET announced = true
  WHERE event_id = ANY($1::text[])`;

/** Reads and expiry of parked applications (parking and release stay with the ingest transaction). */
@Injectable()
export class ParkedApplicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Expires up to `limit` waiting applications parked at or before `cutoff`, oldest first, in the caller's transaction. */
  async expireDue(
    manager: EntityManager,
    cutoff: Date,
    expiredAt: Date,
    reason: ApplicationIncompleteReason,
    limit: number,
  ): Promise<ExpiredParkedApplication[]> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [{ event: ParkedApplicationEvent; parked_at: Date; expired_at: Date }[], number] =
      await manager.query(EXPIRE_DUE, [cutoff.toISOString(), limit, expiredAt.toISOString(), reason]);
    return rows
      .map((r) => ({ application: r.event, parkedAt: r.parked_at, expiredAt: r.expired_at }))
      .sort((a, b) => a.parkedAt.getTime() - b.parkedAt.getTime());
  }

  /** Records, in the caller's transaction, which expired applications were announced. */
  async markAnnounced(manager: EntityManager, eventIds: readonly string[]): Promise<void> {
    if (eventIds.length > 0) {
      await manager.query(MARK_ANNOUNCED, [eventIds]);
    }
  }

  async counts(): Promise<ParkedCounts> {
    const row = await this.dataSource
      .getRepository(ParkedApplicationEntity)
      .createQueryBuilder('p')
      .select(`count(*) FILTER (WHERE p.state = 'waiting')::int`, 'waiting')
      .addSelect(`count(*) FILTER (WHERE p.state = 'expired')::int`, 'expired')
      .addSelect(`count(*) FILTER (WHERE p.state = 'expired' AND p.announced)::int`, 'announced')
      .addSelect(`min(p.parked_at) FILTER (WHERE p.state = 'waiting')`, 'oldest')
      .getRawOne<{ waiting: number; expired: number; announced: number; oldest: Date | null }>();
    return {
      waiting: row?.waiting ?? 0,
      expired: row?.expired ?? 0,
      expiredAnnounced: row?.announced ?? 0,
      oldestWaitingParkedAt: row?.oldest ?? null,
    };
  }

  /** Oldest first: the ones that have waited longest are the ones to look at. */
  async list(state: ParkedApplicationState, limit: number): Promise<ParkedApplicationEntity[]> {
    return this.dataSource.getRepository(ParkedApplicationEntity).find({
      where: { state },
      order: { parkedAt: 'ASC', eventId: 'ASC' },
      take: limit,
    });
  }
}
