import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { InboxMessageEntity } from './inbox-message.entity';

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
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(InboxMessageEntity)
      .values(unique.map((eventId) => ({ consumer, eventId })))
      .orIgnore()
      .returning('event_id')
      .updateEntity(false)
      .execute();
    const rows = result.raw as { event_id: string }[];
    return new Set(rows.map((r) => r.event_id));
  }

  /** Whether `consumer` already applied the event (outside any batch, e.g. for an operator). */
  async has(manager: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    return manager.exists(InboxMessageEntity, { where: { consumer, eventId } });
  }
}
