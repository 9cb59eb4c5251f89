import { Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { maskForRole } from '../common/role-pii-mask';
import { CompanyNameService } from '../companies/company-name.service';
import { DecisionEntity } from '../decisions/decision.entity';
import { CaseEventEntity } from './case-event.entity';
import { byPriority, casePriority, expectedLoss } from './case-priority';
import { CaseEntity } from './case.entity';
import { CaseException } from './case.exception';
import { pageQueue, type QueueItem, type QueuePage, type QueueQuery } from './queue-page';

const QUEUE_LIMIT = 1000;

@Injectable()
export class CaseQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompanyNameService,
  ) {}

  /**
   * The queue as the caller filtered, sorted and paged it. Names are masked before the search
   * runs, so a role that sees them masked cannot find a case by a name it may not read.
   */
  async page(user: AuthenticatedUser, query: QueueQuery, now = new Date()): Promise<QueuePage> {
    const items = await this.queue(now);
    const names = await this.companies.namesOf(items.map((c) => c.companyId));
    const named = items.map((c) => {
      const name = names.get(c.companyId);
      return { ...c, companyName: name === undefined ? null : maskForRole(user.role, { name }).name };
    });
    return pageQueue(named, query, now);
  }

  /** Undecided cases by priority (expected loss weighted by SLA urgency, docs/review.md). */
  private async queue(now: Date): Promise<QueueItem[]> {
    const rows = await this.dataSource.getRepository(CaseEntity).find({
      where: { status: Not(In(['DECIDED'])) },
      order: { slaDeadline: 'ASC' },
      take: QUEUE_LIMIT,
    });
    return byPriority(rows, now).map((c) => ({
      id: c.id,
      applicationId: c.applicationId,
      companyId: c.companyId,
      companyName: null,
      status: c.status,
      assignee: c.assignee,
      amount: c.amount,
      probabilityOfDefault: c.probabilityOfDefault,
      riskGrade: c.riskGrade,
      expectedLoss: expectedLoss(c),
      priority: casePriority(c, now),
      slaDeadline: c.slaDeadline,
      slaBreached: c.slaBreached || c.slaDeadline.getTime() < now.getTime(),
      fourEyesRequired: c.fourEyesRequired,
      ruleHits: c.snapshot.ruleHits.map((h) => h.code),
      createdAt: c.createdAt,
    }));
  }

  /** The case page: the case, its history and every decision on the application. */
  async detail(
    id: string,
    user: AuthenticatedUser,
  ): Promise<{ case: CaseEntity; history: CaseEventEntity[]; decisions: DecisionEntity[] }> {
    const row = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id } });
    if (!row) {
      throw CaseException.notFound(id);
    }
    const [history, decisions] = await Promise.all([
      this.dataSource.getRepository(CaseEventEntity).find({ where: { caseId: id }, order: { id: 'ASC' } }),
      this.dataSource
        .getRepository(DecisionEntity)
        .find({ where: { applicationId: row.applicationId }, order: { seq: 'ASC' } }),
    ]);
    const slim = decisions.map((d) => ({ ...d, content: { ...d.content, scored: undefined } }));
    return maskForRole(user.role, { case: row, history, decisions: slim });
  }
}
