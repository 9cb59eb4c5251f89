import { Injectable } from '@nestjs/common';

import type { AccountingSelection, ApplicationAccounting } from '@loanmesh/contracts';

import { applicationAccountingOf } from './application-accounting.calculator';
import { DecisionAccountingRepository } from './decision-accounting.repository';
import { IngestionClient } from './ingestion.client';

/** Every application of a selection accounted for: ingestion's side asked over HTTP, review's read from the ledger. */
@Injectable()
export class ApplicationAccountingService {
  constructor(
    private readonly decisions: DecisionAccountingRepository,
    private readonly ingestion: IngestionClient,
  ) {}

  async account(selection: AccountingSelection): Promise<ApplicationAccounting> {
    // The ledger is read up to a position fixed BEFORE ingestion answers: everything decided by
    // then was sent on by then, so a decision is never counted without its application.
    const upToSeq = await this.decisions.lastSeq();
    const tally = await this.decisions.tally(selection, upToSeq);
    const ingestion = await this.ingestion.accounting(selection);
    const decidedIds = ingestion.forDecisionIds
      ? await this.decisions.decidedAmong(ingestion.forDecisionIds, upToSeq)
      : null;
    return applicationAccountingOf(selection, ingestion, tally, decidedIds);
  }
}
