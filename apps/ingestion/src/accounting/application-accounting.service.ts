import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AccountingSelection, IngestionAccounting } from '@loanmesh/contracts';

import { ApplicationAccountingRepository } from './application-accounting.repository';
import { FOR_DECISION_IDS_LIMIT, ingestionAccountingOf } from './ingestion-accounting.calculator';

/** Ingestion's side of "where is every application": counts read in one snapshot. */
@Injectable()
export class ApplicationAccountingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ApplicationAccountingRepository,
  ) {}

  account(selection: AccountingSelection): Promise<IngestionAccounting> {
    // One snapshot: an application released between two reads would otherwise count twice or not at all.
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const received = await this.repository.receivedCounts(m, selection);
      const small = received.received <= FOR_DECISION_IDS_LIMIT;
      const parked = await this.repository.parked(m, selection, FOR_DECISION_IDS_LIMIT);
      const deadLettered = await this.repository.deadLettered(m, selection);
      const receivedIds = small ? await this.repository.receivedIds(m, selection, FOR_DECISION_IDS_LIMIT) : null;
      return ingestionAccountingOf(selection, { received, parked, deadLettered, receivedIds });
    });
  }
}
