import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';

import type { EarlyWarningEvent } from '@loanmesh/contracts/graph/early-warning.schema';
import { InboxService, inboxEntryOf } from '@loanmesh/database';
import type { InboundItem, ItemOutcome } from '@loanmesh/kafka';
import { DomainException } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DecisionEntity } from '../decisions/decision.entity';
import { LoanLinkEntity } from '../labels/loan-link.entity';
import { WatchlistEntryEntity, type WatchlistStatus } from './watchlist-entry.entity';
import { WatchlistRescorer } from './watchlist.rescorer';

export const WATCHLIST_CONSUMER = 'review.watchlist';

export interface WatchlistPage {
  items: WatchlistEntryEntity[];
  total: number;
}

/**
 * Early-warning alerts into the watchlist. Idempotent twice over: the event id is claimed in
 * the inbox in the same transaction as the row (a redelivered record is a duplicate), and the
 * row is unique by alertId (an alert re-derived by graph after its node was purged carries a
 * new event id but the same alertId, and inserts nothing).
 */
@Injectable()
export class WatchlistService {
  private readonly logger = new Logger(WatchlistService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly rescorer: WatchlistRescorer,
  ) {}

  async record(items: InboundItem<EarlyWarningEvent>[]): Promise<ItemOutcome[]> {
    const { outcomes, inserted } = await this.dataSource.transaction(async (em) => {
      const verdicts = await this.inbox.claim(
        em,
        WATCHLIST_CONSUMER,
        items.map((i) => inboxEntryOf(i.event)),
      );
      const fresh = items.filter((_, k) => verdicts[k] === 'fresh').map((i) => i.event.payload);
      const known = await this.decidedLoans(
        em,
        fresh.map((p) => p.loanId),
      );
      const inserted: string[] = [];
      const outcomes: ItemOutcome[] = [];
      for (const [k, item] of items.entries()) {
        const verdict = verdicts[k];
        if (verdict !== 'fresh') {
          outcomes.push(verdict);
          continue;
        }
        const id = await this.insert(em, item.event.payload, known.get(item.event.payload.loanId));
        if (id !== undefined) {
          inserted.push(id);
        }
        outcomes.push(id === undefined ? 'duplicate' : 'processed');
      }
      return { outcomes, inserted };
    });
    this.rescorer.schedule(inserted);
    return outcomes;
  }

  async list(status: WatchlistStatus | 'ALL', page: number, pageSize: number): Promise<WatchlistPage> {
    const [items, total] = await this.dataSource.getRepository(WatchlistEntryEntity).findAndCount({
      where: status === 'ALL' ? {} : { status },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  async acknowledge(user: AuthenticatedUser, id: number): Promise<WatchlistEntryEntity> {
    const repo = this.dataSource.getRepository(WatchlistEntryEntity);
    const result = await repo.update(
      { id: String(id), status: 'OPEN' },
      { status: 'ACKNOWLEDGED', acknowledgedBy: user.username, acknowledgedAt: new Date() },
    );
    const entry = await repo.findOne({ where: { id: String(id) } });
    if (!entry) {
      throw new DomainException('WATCHLIST_NOT_FOUND', 'NOT_FOUND', `no watchlist entry ${id}`);
    }
    if (result.affected === 0) {
      throw new DomainException(
        'WATCHLIST_ALREADY_ACKNOWLEDGED',
        'CONFLICT',
        `watchlist entry ${id} was acknowledged by ${entry.acknowledgedBy ?? 'someone'}`,
      );
    }
    this.logger.log({ msg: 'watchlist entry acknowledged', id, by: user.username });
    return entry;
  }

  private async insert(
    em: EntityManager,
    p: EarlyWarningEvent['payload'],
    decided: { applicationId: string; pd: number | null } | undefined,
  ): Promise<string | undefined> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(WatchlistEntryEntity)
      .values({
        alertId: p.alertId,
        loanId: p.loanId,
        companyId: p.companyId,
        triggerCompanyId: p.triggerCompanyId,
        defaultedAt: p.defaultedAt,
        hops: p.hops,
        path: p.path,
        relationships: p.relationships,
        applicationId: decided?.applicationId ?? null,
        oldPd: decided?.pd ?? null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const row = result.raw as { id: string }[];
    return row[0]?.id;
  }

  /** The application each loan came from (loan links) and the PD it was decided on (the automatic decision). */
  private async decidedLoans(
    em: EntityManager,
    loanIds: string[],
  ): Promise<Map<string, { applicationId: string; pd: number | null }>> {
    if (loanIds.length === 0) {
      return new Map();
    }
    const links = await em.getRepository(LoanLinkEntity).findBy({ loanId: In(loanIds) });
    const decisions = await em
      .getRepository(DecisionEntity)
      .findBy({ applicationId: In(links.map((l) => l.applicationId)), automatic: true });
    const pdOf = new Map(decisions.map((d) => [d.applicationId, pdIn(d.content)]));
    return new Map(
      links.map((l) => [l.loanId, { applicationId: l.applicationId, pd: pdOf.get(l.applicationId) ?? null }]),
    );
  }
}

function pdIn(content: Record<string, unknown>): number | null {
  const pd = content.probabilityOfDefault;
  return typeof pd === 'number' ? pd : null;
}
