import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { CoreBankingEventTypes as T, type CoreBankingEvent, type DomainEvent } from '@loanmesh/contracts';
import { InboxService, type OutboxMessage, OutboxRelayService, OutboxWriter } from '@loanmesh/database';

import { SystemClock } from '../common/system-clock.service';
import { reduceWrites } from '../store/store-write.reducer';
import { toStoreWrite } from '../store/store-write.mapper';
import type { InboundItem, ItemOutcome } from '../transport/inbound-batch.types';
import { applicationCompanyIds, type BatchPlan, planBatch } from './batch-plan';
import { creditHistoryAsOf } from './credit-history.calculator';
import { DomainEventNormalizer } from './domain-event.normalizer';
import { IngestionStoreRepository } from './ingestion-store.repository';
import { applicationReceivedMessage, domainEventMessage } from './outbound-message.builder';

/** Inbox consumer name of this service. */
export const INGESTION_CONSUMER = 'ingestion.core-banking';

interface Fresh {
  item: InboundItem<CoreBankingEvent>;
  domain: DomainEvent;
}

/**
 * Applies a batch of validated core-banking events in ONE transaction: inbox claim, raw
 * events, current state by the ordering rules, duplicate ledger and outbox. Either all of
 * it commits or none, so a crash anywhere leads to a clean redelivery.
 */
@Injectable()
export class CoreBankingIngestService {
  private readonly logger = new Logger(CoreBankingIngestService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
    private readonly store: IngestionStoreRepository,
    private readonly normalizer: DomainEventNormalizer,
    private readonly clock: SystemClock,
  ) {}

  async ingestBatch(items: readonly InboundItem<CoreBankingEvent>[]): Promise<ItemOutcome[]> {
    const outcomes = await this.dataSource.transaction((m) => this.apply(m, items));
    this.relay.wake();
    return outcomes;
  }

  private async apply(m: EntityManager, items: readonly InboundItem<CoreBankingEvent>[]): Promise<ItemOutcome[]> {
    const events = items.map((i) => i.event);
    const plan = planBatch(events, await this.store.companySnapshots(m, applicationCompanyIds(events)));
    const claimed = await this.inbox.claim(m, INGESTION_CONSUMER, plan.accepted.map((i) => events[i].eventId));
    const freshIndexes = plan.accepted.filter((i) => claimed.has(events[i].eventId));
    const fresh = freshIndexes.map((i) => ({ item: items[i], domain: this.normalizer.normalize(events[i]) }));
    const applied = await this.applyState(m, fresh);
    await this.store.insertRawEvents(m, fresh.map((f) => rawRow(f, applied.has(f.item.event.eventId))));
    const freshSet = new Set(freshIndexes);
    const duplicates = [...plan.accepted.filter((i) => !freshSet.has(i)), ...plan.repeats];
    await this.store.insertDuplicates(m, duplicates.map((i) => positionRow(items[i])));
    await this.outbox.write(m, await this.outboundMessages(m, fresh.filter((f) => applied.has(f.item.event.eventId)), plan));
    this.logger.debug({ msg: 'batch applied', fresh: fresh.length, applied: applied.size, duplicates: duplicates.length });
    return items.map((_, i) => plan.rejected.get(i) ?? (freshSet.has(i) ? 'processed' : 'duplicate'));
  }

  private async applyState(m: EntityManager, fresh: readonly Fresh[]): Promise<Set<string>> {
    const applied = new Set<string>();
    for (const [table, rows] of reduceWrites(fresh.map((f) => toStoreWrite(f.domain)))) {
      (await this.store.upsert(m, table, rows)).forEach((id) => applied.add(id));
    }
    return applied;
  }

  private async outboundMessages(m: EntityManager, applied: readonly Fresh[], plan: BatchPlan): Promise<OutboxMessage[]> {
    const now = this.clock.now();
    const messages = applied.map((f) => domainEventMessage(f.item.event, f.domain, now));
    const applications = applied.flatMap((f) => (f.item.event.type === T.applicationSubmitted ? [f.item.event] : []));
    const inputs = await this.store.historyInputs(m, applications.map((a) => a.payload.companyId));
    for (const a of applications) {
      const h = inputs.get(a.payload.companyId) ?? { loans: [], facts: [], recordFiledAt: [] };
      const history = creditHistoryAsOf(a.payload.submittedAt, h.loans, h.facts, h.recordFiledAt);
      messages.push(applicationReceivedMessage(a, plan.snapshots.get(a.eventId)!, history, now));
    }
    return messages;
  }
}

function rawRow(f: Fresh, applied: boolean): object {
  const e = f.domain;
  return { ...positionRow(f.item), type: e.type, schema_version: e.schemaVersion, occurred_at: e.occurredAt, message_key: f.item.position.key, applied, event: e };
}

function positionRow(item: InboundItem<CoreBankingEvent>): { topic: string; kafka_partition: number; kafka_offset: string; event_id: string } {
  const p = item.position;
  return { topic: p.topic, kafka_partition: p.partition, kafka_offset: p.offset, event_id: item.event.eventId };
}
