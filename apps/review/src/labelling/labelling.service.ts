import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CaseTransactionService } from '../cases/case-transaction.service';
import { CaseEntity } from '../cases/case.entity';
import type { ReviewConfig } from '../config/review.config';
import { isValueOf, type LabelSubject } from './label-kind';
import { LabelTaskEntity, type LabelTaskStatus } from './label-task.entity';
import { LabellingException } from './labelling.exception';
import { TaskLabelEntity } from './task-label.entity';
import { historyOf } from './task-history';
import { latestLabels, resolveTask } from './task-resolution';

export type TaskScope = 'to-label' | 'adjudication' | 'all';

export interface LabelTaskView {
  id: string;
  caseId: string;
  applicationId: string;
  kind: LabelTaskEntity['kind'];
  subject: LabelSubject;
  status: LabelTaskStatus;
  requiredLabellers: number;
  labellerCount: number;
  finalValue: string | null;
  adjudicatedBy: string | null;
  createdBy: string;
  createdAt: string;
  /** Every version of every label; left out of the to-label list so labellers answer blind. */
  labels?: { id: string; labeller: string; value: string; version: number; recordedAt: string }[];
}

const LIST_LIMIT = 200;

/** Labelling tasks on cases: several labellers each, versioned answers, agreement or a senior's adjudication. */
@Injectable()
export class LabellingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseTransactionService,
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
  ) {}

  async createTask(user: AuthenticatedUser, caseId: string, subject: LabelSubject): Promise<LabelTaskView> {
    const found = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    if (!found) {
      throw LabellingException.caseNotFound(caseId);
    }
    const task: LabelTaskEntity = {
      id: randomUUID(),
      caseId,
      applicationId: found.applicationId,
      kind: subject.kind,
      subject,
      requiredLabellers: this.config.LABELS_REQUIRED_LABELLERS,
      status: 'OPEN',
      finalValue: null,
      adjudicatedBy: null,
      adjudicatedAt: null,
      createdBy: user.username,
      createdAt: new Date(),
      revision: 1,
    };
    await this.dataSource.getRepository(LabelTaskEntity).insert(task);
    return viewOf(task, [], true);
  }

  /** A labeller's first answer; the same person labelling the sample again is refused. */
  async label(user: AuthenticatedUser, taskId: string, value: string): Promise<LabelTaskView> {
    return this.onLockedTask(taskId, async (task, history, em) => {
      if (task.status !== 'OPEN') {
        throw LabellingException.wrongStatus(task.status, 'label');
      }
      if (history.some((l) => l.labeller === user.username)) {
        throw LabellingException.alreadyLabelled();
      }
      if (latestLabels(history).length >= task.requiredLabellers) {
        throw LabellingException.enoughLabellers();
      }
      return this.append(em, task, history, user.username, value, 1);
    });
  }

  /** A labeller changes their answer: a new version, while the sample is not final. */
  async revise(user: AuthenticatedUser, taskId: string, value: string, fromVersion: number): Promise<LabelTaskView> {
    return this.onLockedTask(taskId, async (task, history, em) => {
      if (task.status === 'AGREED' || task.status === 'ADJUDICATED') {
        throw LabellingException.wrongStatus(task.status, 'revise a label of');
      }
      const mine = latestLabels(history).find((l) => l.labeller === user.username);
      if (!mine) {
        throw LabellingException.notLabelled();
      }
      if (mine.version !== fromVersion) {
        throw LabellingException.staleVersion(mine.version);
      }
      return this.append(em, task, history, user.username, value, mine.version + 1);
    });
  }

  /** A senior who labelled no version of the sample settles the disagreement; the case history records it. */
  async adjudicate(user: AuthenticatedUser, taskId: string, value: string, note: string): Promise<LabelTaskView> {
    const task = await this.dataSource.getRepository(LabelTaskEntity).findOne({ where: { id: taskId } });
    if (!task) {
      throw LabellingException.taskNotFound(taskId);
    }
    let view: LabelTaskView | undefined;
    await this.cases.step(task.caseId, async (_case, em) => {
      const locked = await em.findOneOrFail(LabelTaskEntity, {
        where: { id: taskId },
        lock: { mode: 'pessimistic_write' },
      });
      const history = await historyOf(em, [taskId]);
      if (locked.status !== 'NEEDS_ADJUDICATION') {
        throw LabellingException.wrongStatus(locked.status, 'adjudicate');
      }
      if (history.some((l) => l.labeller === user.username)) {
        throw LabellingException.adjudicatorLabelled();
      }
      requireValue(locked, value);
      const latest = latestLabels(history);
      Object.assign(locked, {
        status: 'ADJUDICATED',
        finalValue: value,
        adjudicatedBy: user.username,
        adjudicatedAt: new Date(),
      });
      await em.save(locked);
      view = viewOf(locked, history, true);
      return {
        action: 'LABEL_ADJUDICATED',
        actor: user.username,
        details: {
          taskId,
          kind: locked.kind,
          value,
          note,
          labels: latest.map((l) => ({ labelId: l.id, labeller: l.labeller, value: l.value, version: l.version })),
        },
      };
    });
    return view!;
  }

  /** Labellers answer blind: an open sample shows its labels only to those who already labelled it. */
  async list(user: AuthenticatedUser, scope: TaskScope): Promise<LabelTaskView[]> {
    const tasks = await this.dataSource.getRepository(LabelTaskEntity).find({
      where: scope === 'all' ? {} : { status: scope === 'to-label' ? 'OPEN' : 'NEEDS_ADJUDICATION' },
      order: { createdAt: 'ASC' },
      take: LIST_LIMIT,
    });
    const history = await historyOf(
      this.dataSource.manager,
      tasks.map((t) => t.id),
    );
    const mine = new Set(history.filter((l) => l.labeller === user.username).map((l) => l.taskId));
    return tasks
      .filter((t) => scope !== 'to-label' || !mine.has(t.id))
      .map((t) =>
        viewOf(
          t,
          history.filter((l) => l.taskId === t.id),
          t.status !== 'OPEN' || mine.has(t.id),
        ),
      );
  }

  private async onLockedTask(
    taskId: string,
    step: (task: LabelTaskEntity, history: TaskLabelEntity[], em: EntityManager) => Promise<LabelTaskView>,
  ): Promise<LabelTaskView> {
    return this.dataSource.transaction(async (em) => {
      const task = await em.findOne(LabelTaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (!task) {
        throw LabellingException.taskNotFound(taskId);
      }
      return step(task, await historyOf(em, [taskId]), em);
    });
  }

  private async append(
    em: EntityManager,
    task: LabelTaskEntity,
    history: TaskLabelEntity[],
    labeller: string,
    value: string,
    version: number,
  ): Promise<LabelTaskView> {
    requireValue(task, value);
    const row = { taskId: task.id, labeller, value, version, recordedAt: new Date() };
    const { identifiers } = await em.insert(TaskLabelEntity, row);
    const all = [...history, { ...row, id: String((identifiers[0] as { id: string }).id) }];
    Object.assign(task, resolveTask(latestLabels(all), task.requiredLabellers));
    await em.save(task);
    return viewOf(task, all, false);
  }
}

function requireValue(task: LabelTaskEntity, value: string): void {
  if (!isValueOf(task.kind, value)) {
    throw LabellingException.badValue(task.kind, value);
  }
}

function viewOf(t: LabelTaskEntity, history: readonly TaskLabelEntity[], withLabels: boolean): LabelTaskView {
  return {
    id: t.id,
    caseId: t.caseId,
    applicationId: t.applicationId,
    kind: t.kind,
    subject: t.subject,
    status: t.status,
    requiredLabellers: t.requiredLabellers,
    labellerCount: latestLabels(history).length,
    finalValue: t.finalValue,
    adjudicatedBy: t.adjudicatedBy,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    ...(withLabels
      ? {
          labels: history.map((l) => ({
            id: l.id,
            labeller: l.labeller,
            value: l.value,
            version: l.version,
            recordedAt: l.recordedAt.toISOString(),
          })),
        }
      : {}),
  };
}
