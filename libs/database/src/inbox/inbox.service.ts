import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { MetricsService } from '@loanmesh/observability';

import { classifyClaims, type InboxEntry, inboxKey, type InboxVerdict, storedDigests } from './inbox-claim';
import { EventIdConflictException } from './event-id-conflict.exception';
import { InboxMessageEntity } from './inbox-message.entity';

/**
 * Records the first entry of each key, in key order (so two claims never wait on each
 * other in opposite orders). A legacy row (source '', recorded before sources were kept)
 * with the same id stands for the event, so nothing is recorded next to it.
 */
const claimSql = (table: string): string =>
  `INSERT INTO ${table} (consumer, source, event_id, digest)
    SELECT DISTINCT ON (x.source, x.id) $1, x.source, x.id, x.digest
    FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(source, id, digest, n)
    WHERE NOT EXISTS (SELECT 1 FROM ${table} l WHERE l.consumer = $1 AND l.source = '' AND l.event_id = x.id)
    ORDER BY x.source, x.id, x.n
    ON CONFLICT DO NOTHING
    RETURNING source, event_id`;

/**
 * The rows that kept an entry out. A separate statement: in READ COMMITTED it sees a row
 * a concurrent claim committed while the insert waited for it, which the insert's own
 * snapshot would not.
 */
const storedSql = (table: string): string =>
  `SELECT i.source, i.event_id, i.digest
    FROM unnest($2::text[], $3::text[]) AS x(source, id)
    JOIN ${table} i ON i.consumer = $1 AND i.event_id = x.id AND i.source IN (x.source, '')`;

/**
 * The idempotency gate of a consumer. Call `claim` inside the transaction that applies the
 * events: it records each (source, event id) with its content digest and tells, per entry,
 * whether to apply it, skip it as a duplicate, or dead-letter it as a conflict. If the
 * transaction rolls back, the claim rolls back with it. One or two statements per batch.
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger(InboxService.name);

  constructor(private readonly metrics: MetricsService) {}

  /** One verdict per entry, in order; conflicts are also counted and logged here. */
  async claim(manager: EntityManager, consumer: string, entries: readonly InboxEntry[]): Promise<InboxVerdict[]> {
    if (entries.length === 0) {
      return [];
    }
    const table = tableOf(manager);
    const sources = entries.map((e) => e.source);
    const ids = entries.map((e) => e.eventId);
    const inserted: { source: string; event_id: string }[] = await manager.query(claimSql(table), [
      consumer,
      sources,
      ids,
      entries.map((e) => e.digest),
    ]);
    const insertedKeys = new Set(inserted.map((r) => inboxKey(r.source, r.event_id)));
    const left = entries.filter((e) => !insertedKeys.has(inboxKey(e.source, e.eventId)));
    const stored =
      left.length === 0
        ? new Map<string, string | null>()
        : storedDigests(
            left,
            await manager.query(storedSql(table), [consumer, left.map((e) => e.source), left.map((e) => e.eventId)]),
          );
    const verdicts = classifyClaims(consumer, entries, insertedKeys, stored);
    verdicts.forEach((v) => {
      if (v instanceof EventIdConflictException) {
        this.reportConflict(v);
      }
    });
    return verdicts;
  }

  /** Whether `consumer` already applied the event (outside any batch, e.g. for an operator). */
  async has(manager: EntityManager, consumer: string, source: string, eventId: string): Promise<boolean> {
    return manager.exists(InboxMessageEntity, {
      where: [
        { consumer, source, eventId },
        { consumer, source: '', eventId },
      ],
    });
  }

  private reportConflict(conflict: EventIdConflictException): void {
    this.metrics
      .counter(
        'loanmesh_event_id_conflicts_total',
        'Events whose source and id were applied before with other content',
        ['consumer'],
      )
      .inc({ consumer: conflict.consumer });
    this.logger.warn({
      msg: 'event id conflict',
      consumer: conflict.consumer,
      source: conflict.source,
      eventId: conflict.eventId,
      appliedDigest: conflict.storedDigest,
      digest: conflict.digest,
    });
  }
}

function tableOf(manager: EntityManager): string {
  const meta = manager.dataSource.getMetadata(InboxMessageEntity);
  return meta.schema ? `"${meta.schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}
