import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { cohensKappa, type KappaResult } from './cohen-kappa';
import { LABEL_KINDS, type LabelKind } from './label-kind';
import { LabelTaskEntity } from './label-task.entity';
import type { TaskLabelEntity } from './task-label.entity';
import { historyOf } from './task-history';
import { latestLabels } from './task-resolution';

export interface KindAgreement extends KappaResult {
  kind: LabelKind;
  /** Samples with at least two labellers, the ones the pairs come from. */
  samples: number;
}

/**
 * Cohen's kappa per kind. Each sample gives one pair per two of its labellers (their latest
 * versions), rater A being the one who answered first: kappa needs two rater roles, and
 * "first" and "second" labeller are the roles every sample has whoever the people are.
 */
export function agreementOf(
  tasks: readonly Pick<LabelTaskEntity, 'id' | 'kind'>[],
  history: readonly TaskLabelEntity[],
): KindAgreement[] {
  return LABEL_KINDS.map((kind) => {
    const pairs: [string, string][] = [];
    let samples = 0;
    for (const task of tasks.filter((t) => t.kind === kind)) {
      const latest = latestLabels(history.filter((l) => l.taskId === task.id));
      samples += latest.length >= 2 ? 1 : 0;
      latest.forEach((a, i) => latest.slice(i + 1).forEach((b) => pairs.push([a.value, b.value])));
    }
    return { kind, samples, ...cohensKappa(pairs) };
  });
}

@Injectable()
export class LabelAgreementService {
  constructor(private readonly dataSource: DataSource) {}

  async agreement(): Promise<KindAgreement[]> {
    const tasks = await this.dataSource.getRepository(LabelTaskEntity).find({ select: { id: true, kind: true } });
    const history = await historyOf(
      this.dataSource.manager,
      tasks.map((t) => t.id),
    );
    return agreementOf(tasks, history);
  }
}
