import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type CompanySnapshot,
  CoreBankingEventTypes as T,
  type CoreBankingEvent,
  type DomainEvent,
  Topics,
} from '@loanmesh/contracts';
import { APP_CONFIG } from '@loanmesh/config';
import { InboxService, inboxEntryOf, type OutboxMessage, OutboxRelayService, OutboxWriter } from '@loanmesh/database';
import { type InboundItem, type ItemOutcome, TopicPositionsService } from '@loanmesh/kafka';

import { SystemClock } from '../common/system-clock.service';
import type { IngestionConfig } from '../config/ingestion.config';
import { reduceWrites } from '../store/store-write.reducer';
import { toStoreWrite } from '../store/store-write.mapper';
import { applicationCompanyIds, companyIds, planBatch } from './batch-plan';
import { creditHistoryAsOf } from './credit-history.calculator';
import { isWithinDecisionWindow } from './decision-window';
import { DomainEventNormalizer } from './domain-event.normalizer';
import { IngestionStoreRepository } from './ingestion-store.repository';
import { applicationReceivedMessage, domainEventMessage } from './outbound-message.builder';

/** Inbox consumer name of this service. */
export const INGESTION_CONSUMER = 'ingestion.core-banking';

interface Fresh {
  item: InboundItem<CoreBankingEvent>;
  domain: DomainEvent;
}

/** An event whose effect changed current state, so it is announced. */
interface Applied {
  event: CoreBankingEvent;
  domain: DomainEvent;
}

interface Released {
  applied: Applied[];
  snapshots: Map<string, CompanySnapshot>;
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
    private readonly positions: TopicPositionsService,
    @Inject(APP_CONFIG) private readonly config: IngestionConfig,
  ) {}

  async ingestBatch(items: readonly InboundItem<CoreBankingEvent>[]): Promise<ItemOutcome[]> {
    const outcomes = await this.dataSource.transaction((m) => this.apply(m, items));
    this.relay.wake();
    return outcomes;
  }

  private async apply(m: EntityManager, items: readonly InboundItem<CoreBankingEvent>[]): Promise<ItemOutcome[]> {
    const domains = items.map((i) => this.normalizer.normalize(i.event));
    // The digest is of the tokenized event, as raw_events keeps it: a digest of clear
    // identifiers could be confirmed by hashing guessed account numbers.
    const verdicts = await this.inbox.claim(
      m,
      INGESTION_CONSUMER,
      items.map((item, i) => inboxEntryOf(item.event, domains[i])),
    );
    const indexesOf = (verdict: 'fresh' | 'duplicate'): number[] =>
      verdicts.flatMap((v, i) => (v === verdict ? [i] : []));
    const fresh = indexesOf('fresh').map((i) => ({ item: items[i], domain: domains[i] }));
    const events = fresh.map((f) => f.item.event);
    const plan = planBatch(events, await this.store.companySnapshots(m, applicationCompanyIds(events)));
    const ready = fresh.filter((_, k) => !plan.parked.has(k));
    const applied = await this.applyState(m, ready);
    await this.store.insertRawEvents(
      m,
      fresh.map((f) => rawRow(f, applied.has(f.item.event.eventId))),
    );
    await this.store.park(
      m,
      events.flatMap((e, k) => (plan.parked.has(k) && e.type === T.applicationSubmitted ? [e] : [])),
      this.clock.now(),
    );
    const released = await this.releaseParked(m, companyIds(events));
    const duplicates = indexesOf('duplicate');
    await this.store.insertDuplicates(
      m,
      duplicates.map((i) => positionRow(items[i])),
    );
    const announced = [...ready.filter((f) => applied.has(f.item.event.eventId)).map(toApplied), ...released.applied];
    await this.outbox.write(
      m,
      await this.outboundMessages(m, announced, new Map([...plan.snapshots, ...released.snapshots])),
    );
    this.logger.debug({
      msg: 'batch applied',
      fresh: fresh.length,
      applied: applied.size,
      parked: plan.parked.size,
      released: released.applied.length,
      duplicates: duplicates.length,
      conflicts: items.length - fresh.length - duplicates.length,
    });
    // A conflict goes back as its exception: the inbound edge dead-letters that record alone.
    return verdicts.map((v) => (v === 'fresh' ? 'processed' : v));
  }

  private async applyState(m: EntityManager, fresh: readonly Fresh[]): Promise<Set<string>> {
    const applied = new Set<string>();
    for (const [table, rows] of reduceWrites(fresh.map((f) => toStoreWrite(f.domain)))) {
      (await this.store.upsert(m, table, rows)).forEach((id) => applied.add(id));
    }
    return applied;
  }

  /**
   * Applies the parked applications of companies this batch registered or updated, now
   * that the company exists: state by the ordering rule, `applied` in the raw table, and
   * their announcements with the company as stored now (the earliest state ingestion has).
   */
  private async releaseParked(m: EntityManager, companies: readonly string[]): Promise<Released> {
    await this.noteArrivedAfterExpiry(m, companies);
    const parked = await this.store.releaseParked(m, companies);
    if (parked.length === 0) {
      return { applied: [], snapshots: new Map() };
    }
    const domain = parked.map((e) => ({ event: e, domain: this.normalizer.normalize(e) }));
    const applied = new Set(
      await this.store.upsert(
        m,
        'loan_applications',
        [...reduceWrites(domain.map((d) => toStoreWrite(d.domain))).values()].flat(),
      ),
    );
    await this.store.markApplied(
      m,
      parked.filter((e) => applied.has(e.eventId)),
    );
    const stored = await this.store.companySnapshots(
      m,
      parked.map((e) => e.payload.companyId),
    );
    const snapshots = new Map(
      parked.flatMap((e) => {
        const company = stored.get(e.payload.companyId);
        return company ? [[e.eventId, company.snapshot] as const] : [];
      }),
    );
    this.logger.log({ msg: 'parked applications released', released: parked.length, applied: applied.size });
    return { applied: domain.filter((d) => applied.has(d.event.eventId)), snapshots };
  }

  /**
   * An expired application already went to a human as incomplete, so its company arriving
   * now does not release it (that would decide it twice); it is noted once and logged.
   */
  private async noteArrivedAfterExpiry(m: EntityManager, companies: readonly string[]): Promise<void> {
    for (const a of await this.store.markArrivedAfterExpiry(m, companies, this.clock.now())) {
      this.logger.warn({
        msg: 'company arrived after expiry',
        applicationId: a.applicationId,
        companyId: a.companyId,
        eventId: a.eventId,
        expiredAt: a.expiredAt,
      });
    }
  }

  private async outboundMessages(
    m: EntityManager,
    applied: readonly Applied[],
    snapshots: ReadonlyMap<string, CompanySnapshot>,
  ): Promise<OutboxMessage[]> {
    const now = this.clock.now();
    const messages = applied.map((a) => domainEventMessage(a.event, a.domain, now));
    const window = this.config.APPLICATION_DECISION_WINDOW_HOURS;
    const submitted = applied.flatMap((a) => (a.event.type === T.applicationSubmitted ? [a.event] : []));
    const live = (a: (typeof submitted)[number]): boolean => isWithinDecisionWindow(a.payload.submittedAt, now, window);
    const applications = submitted.filter(live);
    await this.store.recordHistory(
      m,
      submitted.filter((a) => !live(a)),
    );
    if (applications.length === 0) {
      return messages;
    }
    const inputs = await this.store.historyInputs(
      m,
      applications.map((a) => a.payload.companyId),
    );
    // Taken after these applications were read: whatever core banking sent before them is below it.
    const freshness = {
      coreBankingBarrier: await this.positions.endOffsets(Topics.coreBankingEvents),
      barrierAt: this.clock.now().getTime(),
    };
    // Carried downstream in hops, so review selects decisions on the instant ingestion selects receipts on.
    const receipts = await this.store.firstReceipts(
      m,
      applications.map((a) => a.payload.applicationId),
    );
    for (const a of applications) {
      const h = inputs.get(a.payload.companyId) ?? { loans: [], facts: [], recordFiledAt: [] };
      const history = creditHistoryAsOf(a.payload.submittedAt, h.loans, h.facts, h.recordFiledAt);
      const receivedAt = receipts.get(a.payload.applicationId);
      messages.push(applicationReceivedMessage(a, snapshots.get(a.eventId)!, history, freshness, now, receivedAt));
    }
    return messages;
  }
}

function toApplied(f: Fresh): Applied {
  return { event: f.item.event, domain: f.domain };
}

function rawRow(f: Fresh, applied: boolean): object {
  const e = f.domain;
  return {
    ...positionRow(f.item),
    source: e.source,
    type: e.type,
    schema_version: e.schemaVersion,
    occurred_at: e.occurredAt,
    message_key: f.item.position.key,
    applied,
    event: e,
  };
}

function positionRow(item: InboundItem<CoreBankingEvent>): {
  topic: string;
  kafka_partition: number;
  kafka_offset: string;
  event_id: string;
} {
  const p = item.position;
  return { topic: p.topic, kafka_partition: p.partition, kafka_offset: p.offset, event_id: item.event.eventId };
}
