import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { type CaseAction, CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { CaseException } from './case.exception';

export interface CaseChange {
  action: CaseAction;
  actor: string;
  details: Record<string, unknown>;
}

/**
 * Runs one workflow step: locks the case, lets the step change it, saves it and appends
 * the step to the case history, all in one transaction.
 */
@Injectable()
export class CaseTransactionService {
  constructor(private readonly dataSource: DataSource) {}

  async step(
    id: string,
    change: (c: CaseEntity, em: EntityManager) => Promise<CaseChange> | CaseChange,
  ): Promise<CaseEntity> {
    return this.dataSource.transaction(async (em) => {
      const row = await em.findOne(CaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) {
        throw CaseException.notFound(id);
      }
      const entry = await change(row, em);
      const saved = await em.save(row);
      const event: QueryDeepPartialEntity<CaseEventEntity> = {
        caseId: id,
        ...entry,
        details: entry.details as object,
        at: new Date(),
      };
      await em.insert(CaseEventEntity, event);
      return saved;
    });
  }
}
