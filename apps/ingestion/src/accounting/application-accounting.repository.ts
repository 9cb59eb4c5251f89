import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { type AccountingSelection, liveRunIdPatterns } from '@loanmesh/contracts';

import { INGESTION_SCHEMA } from '../database/ingestion-database';
import { deadLettersSql, parkedSql, receivedCountsSql, receivedIdsSql } from './application-accounting.sql';

type Kind = AccountingSelection['kind'];

export interface ReceivedCounts {
  received: number;
  stored: number;
  history: number;
}

export interface ReceivedId {
  applicationId: string;
  history: boolean;
}

export interface ParkedApplications {
  count: number;
  /** The first `limit` ids, in id order; complete when `count <= limit`. */
  ids: string[];
}

export interface DeadLetteredApplications {
  records: number;
  only: number;
}

const byKind = (build: (schema: string, kind: Kind) => string): Record<Kind, string> => ({
  window: build(INGESTION_SCHEMA, 'window'),
  run: build(INGESTION_SCHEMA, 'run'),
});

const RECEIVED_COUNTS = byKind(receivedCountsSql);
const RECEIVED_IDS = byKind(receivedIdsSql);
const PARKED = byKind(parkedSql);
const DEAD_LETTERS = byKind(deadLettersSql);

function selectionParams(selection: AccountingSelection): [string, string] {
  if (selection.kind === 'window') {
    return [selection.from.toISOString(), selection.to.toISOString()];
  }
  const { like, notLike } = liveRunIdPatterns(selection.run);
  return [like, notLike];
}

/** Read-only counts of where ingestion left the applications of a selection; inside the caller's transaction. */
@Injectable()
export class ApplicationAccountingRepository {
  async receivedCounts(m: EntityManager, selection: AccountingSelection): Promise<ReceivedCounts> {
    const [row]: ReceivedCounts[] = await m.query(RECEIVED_COUNTS[selection.kind], selectionParams(selection));
    return row;
  }

  async receivedIds(m: EntityManager, selection: AccountingSelection, limit: number): Promise<ReceivedId[]> {
    const rows: { application_id: string; history: boolean }[] = await m.query(RECEIVED_IDS[selection.kind], [
      ...selectionParams(selection),
      limit,
    ]);
    return rows.map((r) => ({ applicationId: r.application_id, history: r.history }));
  }

  /**
   * The ONE place that says which applications are parked (waiting at ingestion for their
   * company); everything else derives from it.
   */
  async parked(m: EntityManager, selection: AccountingSelection, limit: number): Promise<ParkedApplications> {
    const rows: { application_id: string; total: number }[] = await m.query(PARKED[selection.kind], [
      ...selectionParams(selection),
      limit,
    ]);
    return { count: rows[0]?.total ?? 0, ids: rows.map((r) => r.application_id) };
  }

  async deadLettered(m: EntityManager, selection: AccountingSelection): Promise<DeadLetteredApplications> {
    const [row]: DeadLetteredApplications[] = await m.query(DEAD_LETTERS[selection.kind], selectionParams(selection));
    return row;
  }
}
