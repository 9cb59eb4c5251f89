import { type EntityManager, In } from 'typeorm';

import { TaskLabelEntity } from './task-label.entity';

/** Every label version of the tasks, oldest first. */
export function historyOf(em: EntityManager, taskIds: readonly string[]): Promise<TaskLabelEntity[]> {
  if (taskIds.length === 0) {
    return Promise.resolve([]);
  }
  return em.find(TaskLabelEntity, { where: { taskId: In([...taskIds]) }, order: { id: 'ASC' } });
}
