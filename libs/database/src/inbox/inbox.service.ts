import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { InboxMessageEntity } from './inbox-message.entity';

/** One statement and two parameters whatever the batch size: ids travel as one text array. */
const claimSql = (table: string): string =>
  `INSERT INTO ${table} (consumer, event_id) SELECT $1, id FROM unnest($2::text[]) AS x(id)
    ON CONFLICT DO NOTHING RETURNING event_id`;

/**
 * The idempotency gate of a consumer. Call `claim` inside the transaction that applies
 * the events: it records the ids and returns those that were not there before, so only
 * they are applied. If the transaction rolls back, the claim rolls back with it.
 */
@Injectable()
export class InboxService {
  /** Records the event ids for `consumer`; resolves to the ids seen for the first time. */
  async claim(manager: EntityManager, consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(eventIds)];
    if (unique.length === 0) {
      return new Set();
    }
    const rows: { event_id: string }[] = await manager.query(claimSql(tableOf(manager)), [consumer, unique]);
    return new Set(rows.map((r) => r.event_id));
  }

  /** Whether `consumer` already applied the event (outside any batch, e.g. for an operator). */
  async has(manager: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    return manager.exists(InboxMessageEntity, { where: { consumer, eventId } });
  }
}

function tableOf(manager: EntityManager): string {
  const meta = manager.connection.getMetadata(InboxMessageEntity);
  return meta.schema ? `"${meta.schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}
