import { PendingDomainEventsBuffer } from './pending-domain-events.buffer';

const value = (s: string): Buffer => Buffer.from(s);

describe(PendingDomainEventsBuffer.name, () => {
  it('should take only what the writers committed and never report a partition complete past what was read', () => {
    const sut = new PendingDomainEventsBuffer();
    sut.startAt({ '0': 10, '1': 5 });
    sut.add(
      0,
      [10, 11, 12].map((o) => ({ offset: o, value: value(`p0-${o}`) })),
      13,
    );

    const taken = sut.takeBelow({ '0': 12, '1': 9 });

    expect(taken.values.map((v) => v?.toString())).toEqual(['p0-10', 'p0-11']);
    // Partition 1: committed to 9 but read only to 5, so it is complete to 5, not 9.
    expect(taken.reached).toEqual({ '0': 12, '1': 5 });
    expect(sut.size).toBe(1);
  });

  it('should drop unparsed what this replica applied itself', () => {
    const sut = new PendingDomainEventsBuffer();
    sut.add(
      2,
      [0, 1, 2, 3].map((o) => ({ offset: o, value: value(String(o)) })),
      4,
    );

    sut.dropApplied({ '2': 3 });

    expect(sut.size).toBe(1);
    expect(sut.takeBelow({ '2': 4 }).values.map((v) => v?.toString())).toEqual(['3']);
    expect(sut.received()).toEqual({ '2': 4 });
  });

  it('should keep what is read but not yet committed', () => {
    const sut = new PendingDomainEventsBuffer();
    sut.add(0, [{ offset: 0, value: value('a') }], 1);

    expect(sut.takeBelow({}).values).toEqual([]);
    expect(sut.size).toBe(1);
  });
});
