import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { SecurityEventEntity, type SecurityEventType } from './security-event.entity';

export interface SecurityEventDraft {
  type: SecurityEventType;
  username?: string;
  actor?: string;
  clientIp?: string;
  reason?: string;
  detail?: Record<string, string | number>;
}

export interface SecurityEventQuery {
  from?: Date;
  to?: Date;
  type?: SecurityEventType;
  username?: string;
  /** Keyset paging: events with a smaller sequence number than this (newest first). */
  before?: string;
  limit: number;
}

export interface SecurityEventView {
  seq: string;
  at: string;
  type: SecurityEventType;
  username: string | null;
  actor: string | null;
  clientIp: string | null;
  reason: string | null;
  detail: Record<string, string | number> | null;
}

/** Writes and reads the append-only security log (sign-ins, lockouts, account changes). */
@Injectable()
export class SecurityEventsService {
  constructor(@InjectRepository(SecurityEventEntity) private readonly events: Repository<SecurityEventEntity>) {}

  async record(draft: SecurityEventDraft): Promise<void> {
    await this.events.insert({
      type: draft.type,
      username: draft.username ?? null,
      actor: draft.actor ?? null,
      clientIp: draft.clientIp ?? null,
      reason: draft.reason ?? null,
      detail: draft.detail ?? null,
    });
  }

  /** Newest first; `nextBefore` is the cursor of the following page, absent on the last one. */
  async page(q: SecurityEventQuery): Promise<{ events: SecurityEventView[]; nextBefore?: string }> {
    const qb = this.events.createQueryBuilder('e').orderBy('e.seq', 'DESC').limit(q.limit);
    if (q.from) {
      qb.andWhere('e.at >= :from', { from: q.from });
    }
    if (q.to) {
      qb.andWhere('e.at < :to', { to: q.to });
    }
    if (q.type) {
      qb.andWhere('e.type = :type', { type: q.type });
    }
    if (q.username) {
      qb.andWhere('e.username = :username', { username: q.username });
    }
    if (q.before) {
      qb.andWhere('e.seq < :before', { before: q.before });
    }
    const rows = await qb.getMany();
    const events = rows.map((e) => ({
      seq: String(e.seq),
      at: e.at.toISOString(),
      type: e.type,
      username: e.username,
      actor: e.actor,
      clientIp: e.clientIp,
      reason: e.reason,
      detail: e.detail,
    }));
    return rows.length === q.limit ? { events, nextBefore: events[events.length - 1].seq } : { events };
  }
}
