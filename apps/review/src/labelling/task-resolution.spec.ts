import type { TaskLabelEntity } from './task-label.entity';
import { latestLabels, resolveTask } from './task-resolution';

const label = (o: Partial<TaskLabelEntity>): TaskLabelEntity => ({
  id: '1',
  taskId: 't',
  labeller: 'officer1',
  value: 'FRAUD',
  version: 1,
  recordedAt: new Date(0),
  ...o,
});

describe(resolveTask.name, () => {
  it('should stay open when fewer labellers than required answered', () => {
    expect(resolveTask([{ value: 'FRAUD' }], 2)).toEqual({ status: 'OPEN', finalValue: null });
  });

  it('should agree on the common value when every required labeller gave it', () => {
    expect(resolveTask([{ value: 'FRAUD' }, { value: 'FRAUD' }], 2)).toEqual({ status: 'AGREED', finalValue: 'FRAUD' });
  });

  it('should need adjudication when the labellers disagree', () => {
    expect(resolveTask([{ value: 'FRAUD' }, { value: 'NOT_FRAUD' }], 2)).toEqual({
      status: 'NEEDS_ADJUDICATION',
      finalValue: null,
    });
  });
});

describe(latestLabels.name, () => {
  it("should keep each labeller's highest version, ordered by who answered first", () => {
    const latest = latestLabels([
      label({ id: '1', labeller: 'b', value: 'FRAUD' }),
      label({ id: '2', labeller: 'a', value: 'FRAUD' }),
      label({ id: '3', labeller: 'b', value: 'NOT_FRAUD', version: 2 }),
    ]);
    expect(latest.map((l) => [l.labeller, l.value, l.version])).toEqual([
      ['b', 'NOT_FRAUD', 2],
      ['a', 'FRAUD', 1],
    ]);
  });
});
