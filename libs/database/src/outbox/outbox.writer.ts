import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { OutboxMessageEntity } from './outbox-message.entity';

/** A message to publish once the surrounding transaction commits. */
export interface OutboxMessage {
  topic: string;
  key: string;
  payload: object;
  headers?: Record<string, string>;
}

/**
 * Writes outbox rows with the caller's transaction manager, so the messages exist if and
 * only if the change they announce was committed. Never publishes itself.
 */
@Injectable()
export class OutboxWriter {
  async write(manager: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) {
      return;
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageEntity)
      .values(
        messages.map((m) => ({ topic: m.topic, messageKey: m.key, payload: m.payload, headers: m.headers ?? {} })),
      )
      .updateEntity(false)
      .execute();
  }
}
