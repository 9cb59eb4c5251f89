import type { LabelTaskStatus } from './label-task.entity';
import type { TaskLabelEntity } from './task-label.entity';

/** Each labeller's latest version, in the order the labellers first answered. */
export function latestLabels(history: readonly TaskLabelEntity[]): TaskLabelEntity[] {
  const byLabeller = new Map<string, TaskLabelEntity>();
  const first = new Map<string, number>();
  for (const l of history) {
    const seen = byLabeller.get(l.labeller);
    if (!seen || l.version > seen.version) {
      byLabeller.set(l.labeller, l);
    }
    first.set(l.labeller, Math.min(first.get(l.labeller) ?? Infinity, Number(l.id)));
  }
  return [...byLabeller.values()].sort((a, b) => first.get(a.labeller)! - first.get(b.labeller)!);
}

/**
 * Where a task stands once its labellers' latest answers are known: open until enough
 * labellers answered, agreed when they all gave the same value, else waiting for a senior.
 */
export function resolveTask(
  latest: readonly Pick<TaskLabelEntity, 'value'>[],
  required: number,
): { status: Exclude<LabelTaskStatus, 'ADJUDICATED'>; finalValue: string | null } {
  if (latest.length < required) {
    return { status: 'OPEN', finalValue: null };
  }
  const values = new Set(latest.map((l) => l.value));
  return values.size === 1
    ? { status: 'AGREED', finalValue: latest[0].value }
    : { status: 'NEEDS_ADJUDICATION', finalValue: null };
}
