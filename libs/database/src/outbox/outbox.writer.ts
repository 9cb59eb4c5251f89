import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Headers } from '@loanmesh/contracts';
import { CorrelationContext } from '@loanmesh/observability';

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
        messages.map((m) => ({ topic: m.topic, messageKey: m.key, payload: m.payload, headers: withCorrelation(m) })),
      )
      .updateEntity(false)
      .execute();
  }
}

/**
 * The relay publishes outside the request or event that wrote the row, so the correlation
 * id travels in the row: the event's own envelope field first, else the current context.
 */
function withCorrelation(m: OutboxMessage): Record<string, string> {
  const fromPayload = (m.payload as { correlationId?: unknown }).correlationId;
  const correlationId = typeof fromPayload === 'string' ? fromPayload : CorrelationContext.current();
  return correlationId ? { [Headers.correlationId]: correlationId, ...m.headers } : { ...m.headers };
}
