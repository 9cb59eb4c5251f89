import { DataSource, In } from 'typeorm';

import type { LabelledSample } from '@loanmesh/contracts';

import { DecisionEntity } from '../decisions/decision.entity';
import { scoredFeaturesOf } from '../labels/scored-features';
import { binaryTargetOf } from './label-kind';
import { LabelTaskEntity } from './label-task.entity';
import { historyOf } from './task-history';
import { latestLabels } from './task-resolution';

const PAGE = 500;
const BEFORE_ANY_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The final labels (agreed or adjudicated) as training samples, page by page in task id order,
 * each with its lineage and the features its application's automatic decision was made on.
 */
export class TrainingSetService {
  constructor(private readonly dataSource: DataSource) {}

  async *samples(): AsyncGenerator<LabelledSample[]> {
    let after = BEFORE_ANY_UUID;
    for (;;) {
      const tasks = await this.dataSource
        .getRepository(LabelTaskEntity)
        .createQueryBuilder('t')
        .where('t.id > :after', { after })
        .andWhere('t.status IN (:...final)', { final: ['AGREED', 'ADJUDICATED'] })
        .orderBy('t.id', 'ASC')
        .limit(PAGE)
        .getMany();
      if (tasks.length > 0) {
        yield await this.page(tasks);
      }
      if (tasks.length < PAGE) {
        return;
      }
      after = tasks[tasks.length - 1].id;
    }
  }

  private async page(tasks: LabelTaskEntity[]): Promise<LabelledSample[]> {
    const history = await historyOf(
      this.dataSource.manager,
      tasks.map((t) => t.id),
    );
    const decisions = await this.dataSource.getRepository(DecisionEntity).find({
      where: { applicationId: In([...new Set(tasks.map((t) => t.applicationId))]), automatic: true },
    });
    return tasks.map((t) => {
      const latest = latestLabels(history.filter((l) => l.taskId === t.id));
      const decision = decisions.find((d) => d.applicationId === t.applicationId);
      const features = decision
        ? scoredFeaturesOf(decision)
        : { modelVersion: '', featureNames: [], featureVector: [] };
      return {
        taskId: t.id,
        kind: t.kind,
        subject: t.subject,
        value: t.finalValue!,
        target: binaryTargetOf(t.kind, t.finalValue!),
        resolution: t.status === 'ADJUDICATED' ? 'ADJUDICATED' : 'AGREED',
        caseId: t.caseId,
        applicationId: t.applicationId,
        decisionId: decision?.id ?? null,
        ...features,
        labels: latest.map((l) => ({
          labelId: l.id,
          labeller: l.labeller,
          value: l.value,
          version: l.version,
          recordedAt: l.recordedAt.toISOString(),
        })),
        labellers: latest.map((l) => l.labeller),
        adjudicator: t.adjudicatedBy,
        adjudicatedAt: t.adjudicatedAt?.toISOString() ?? null,
      };
    });
  }
}
