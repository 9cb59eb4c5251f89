import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';

import { CoreBankingEventTypes as T, type DomainEvent } from '@loanmesh/contracts';
import { InboxService, inboxEntryOf } from '@loanmesh/database';
import type { InboundItem, ItemOutcome } from '@loanmesh/kafka';
import { MetricsService } from '@loanmesh/observability';

import { LabelService } from './label.service';
import { LoanLinkEntity } from './loan-link.entity';

export const LOAN_OUTCOMES_CONSUMER = 'review.loan-outcomes';

/** The domain event types that bear on a loan's outcome; the consumer ignores the rest. */
export const LOAN_OUTCOME_TYPES: ReadonlySet<string> = new Set([T.loanDisbursed, T.repaymentMade, T.loanDefaulted]);

type Links = Map<string, LoanLinkEntity>;

/**
 * Turns core banking's loan events into outcome labels: a disbursal links the loan to its
 * application, the final instalment labels it REPAID and a default labels it DEFAULTED.
 * A chunk is applied in one transaction and in offset order (a disbursal and its default
 * can arrive together), with its event ids claimed in the same transaction.
 */
@Injectable()
export class LoanOutcomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly labels: LabelService,
    private readonly metrics: MetricsService,
  ) {}

  async applyBatch(items: InboundItem<DomainEvent>[]): Promise<ItemOutcome[]> {
    const outcomes = await this.dataSource.transaction(async (em) => {
      const verdicts = await this.inbox.claim(
        em,
        LOAN_OUTCOMES_CONSUMER,
        items.map((i) => inboxEntryOf(i.event)),
      );
      const links = await this.linksOf(
        em,
        items.filter((_, k) => verdicts[k] === 'fresh').map((i) => i.event),
      );
      const outcomes: ItemOutcome[] = [];
      for (const [k, item] of items.entries()) {
        const verdict = verdicts[k];
        outcomes.push(verdict === 'fresh' ? await this.apply(em, item.event, links) : verdict);
      }
      return outcomes;
    });
    this.labels.flushAnnouncements();
    return outcomes;
  }

  private async apply(em: EntityManager, event: DomainEvent, links: Links): Promise<ItemOutcome> {
    if (event.type === T.loanDisbursed) {
      return this.link(em, event.payload, links);
    }
    if (event.type === T.repaymentMade) {
      const link = links.get(event.payload.loanId);
      return link && event.payload.installmentNo >= link.termMonths ? this.label(em, link, 'REPAID') : 'skipped';
    }
    if (event.type === T.loanDefaulted) {
      const link = links.get(event.payload.loanId);
      return link ? this.label(em, link, 'DEFAULTED') : 'skipped';
    }
    return 'skipped';
  }

  private async link(
    em: EntityManager,
    p: { loanId: string; applicationId?: string; companyId: string; termMonths: number; disbursedAt: string },
    links: Links,
  ): Promise<ItemOutcome> {
    if (p.applicationId === undefined || links.has(p.loanId)) {
      return 'skipped';
    }
    const row = em.create(LoanLinkEntity, {
      loanId: p.loanId,
      applicationId: p.applicationId,
      companyId: p.companyId,
      termMonths: p.termMonths,
      disbursedAt: new Date(p.disbursedAt),
    });
    await em.createQueryBuilder().insert().into(LoanLinkEntity).values(row).orIgnore().execute();
    links.set(p.loanId, row);
    return 'processed';
  }

  private async label(em: EntityManager, link: LoanLinkEntity, value: 'REPAID' | 'DEFAULTED'): Promise<ItemOutcome> {
    const outcome = await this.labels.recordReportedOutcome(em, link.applicationId, value);
    if (outcome === 'processed') {
      this.metrics
        .counter('loanmesh_review_outcome_labels_total', 'Outcome labels from core-banking loan events', ['label'])
        .inc({ label: value });
    }
    return outcome;
  }

  /** The stored links of the loans a chunk mentions (disbursals in the chunk add theirs as they apply). */
  private async linksOf(em: EntityManager, events: DomainEvent[]): Promise<Links> {
    const loanIds = [
      ...new Set(
        events.flatMap((e) => (e.type === T.repaymentMade || e.type === T.loanDefaulted ? [e.payload.loanId] : [])),
      ),
    ];
    const rows = loanIds.length === 0 ? [] : await em.find(LoanLinkEntity, { where: { loanId: In(loanIds) } });
    return new Map(rows.map((r) => [r.loanId, r]));
  }
}
