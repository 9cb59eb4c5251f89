import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { OutcomeLabelledEvent } from '@loanmesh/contracts';
import { InboxService, inboxEntryOf } from '@loanmesh/database';
import type { InboundItem, ItemOutcome } from '@loanmesh/kafka';

import { ClockAdapter } from '../common/clock.adapter';
import { OutcomeLabelEntity } from './outcome-label.entity';
import type { OutcomeLabelsDto } from './outcome-labels.dto';

export const OUTCOME_LABELS_CONSUMER = 'inference-outcome-labels';

interface LabelRow {
  applicationId: string;
  defaulted: boolean;
  labelledBy: string;
  labelledAt: Date;
}

/**
 * The outcome labels the champion/challenger comparison judges on, one per application:
 * from review's `review.outcome-labelled.v1` events or from `POST /models/outcomes`. A
 * redelivered event is skipped by the inbox, and a later label for the same application
 * replaces the earlier one, so a replay never counts an outcome twice.
 */
@Injectable()
export class OutcomeLabelService {
  private readonly logger = new Logger(OutcomeLabelService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly clock: ClockAdapter,
  ) {}

  async applyBatch(items: InboundItem<OutcomeLabelledEvent>[]): Promise<ItemOutcome[]> {
    const verdicts = await this.dataSource.transaction(async (em) => {
      const claimed = await this.inbox.claim(
        em,
        OUTCOME_LABELS_CONSUMER,
        items.map((i) => inboxEntryOf(i.event)),
      );
      const fresh = items.filter((_, k) => claimed[k] === 'fresh').map((i) => i.event.payload);
      await upsert(
        em,
        fresh.map((p) => ({
          applicationId: p.applicationId,
          defaulted: p.outcome === 'DEFAULTED',
          labelledBy: p.labelledBy,
          labelledAt: new Date(p.labelledAt),
        })),
      );
      return claimed;
    });
    const outcomes = verdicts.map((v): ItemOutcome => (v === 'fresh' ? 'processed' : v));
    this.logger.log({
      msg: 'outcome labels applied',
      processed: outcomes.filter((o) => o === 'processed').length,
      duplicates: outcomes.filter((o) => o === 'duplicate').length,
    });
    return outcomes;
  }

  /** Records outcomes posted by review over HTTP (a corrected label replaces the old one). */
  async recordOutcomes(dto: OutcomeLabelsDto): Promise<number> {
    const at = this.clock.now();
    const rows = dto.outcomes.map((o) => ({ ...o, labelledBy: dto.by, labelledAt: at }));
    await this.dataSource.transaction((em) => upsert(em, rows));
    return rows.length;
  }
}

/** One row per application: within a batch the last label wins (one statement cannot update a row twice). */
async function upsert(em: EntityManager, rows: readonly LabelRow[]): Promise<void> {
  const last = [...new Map(rows.map((r) => [r.applicationId, r])).values()];
  if (last.length === 0) {
    return;
  }
  await em
    .createQueryBuilder()
    .insert()
    .into(OutcomeLabelEntity)
    .values(last)
    .orUpdate(['defaulted', 'labelled_by', 'labelled_at'], ['application_id'])
    .updateEntity(false)
    .execute();
}
