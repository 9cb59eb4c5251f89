import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type AccountingSelection, liveRunIdPatterns } from '@loanmesh/contracts';

import { DECIDED_AMONG, LAST_SEQ, TALLY, TALLY_EXPIRED_PARAM } from './decision-accounting.sql';

export type DecisionCategory = 'AUTOMATIC' | 'REFERRED' | 'DEGRADED' | 'EXPIRED';

/** First decisions of the selection, by category and principal reason. */
export interface DecisionTallyRow {
  category: DecisionCategory;
  reason: string;
  count: number;
}

function selectionParams(selection: AccountingSelection): [number, number] | [string, string] {
  if (selection.kind === 'window') {
    return [selection.from.getTime(), selection.to.getTime()];
  }
  const { like, notLike } = liveRunIdPatterns(selection.run);
  return [like, notLike];
}

/** Read-only views of the decision ledger for the application accounting. */
@Injectable()
export class DecisionAccountingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The ledger position every later read of one accounting stops at (positions follow commit order). */
  async lastSeq(): Promise<number> {
    const [row]: { seq: string }[] = await this.dataSource.query(LAST_SEQ);
    return Number(row.seq);
  }

  async tally(selection: AccountingSelection, upToSeq: number): Promise<DecisionTallyRow[]> {
    return this.dataSource.query(TALLY[selection.kind], [...selectionParams(selection), upToSeq, TALLY_EXPIRED_PARAM]);
  }

  /** Which of these applications have a decision up to the ledger position. */
  async decidedAmong(applicationIds: readonly string[], upToSeq: number): Promise<Set<string>> {
    if (applicationIds.length === 0) {
      return new Set();
    }
    const rows: { application_id: string }[] = await this.dataSource.query(DECIDED_AMONG, [
      [...applicationIds],
      upToSeq,
    ]);
    return new Set(rows.map((r) => r.application_id));
  }
}
