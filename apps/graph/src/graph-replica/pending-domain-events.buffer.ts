import type { TopicPositions } from '@loanmesh/contracts';

export interface PendingRecord {
  offset: number;
  value: Buffer | null;
}

/**
 * Domain events a view follower has read but not yet refreshed, per partition, with how far
 * it has read. Kept raw: most are dropped unparsed once the replica's own writer applied them.
 */
export class PendingDomainEventsBuffer {
  private readonly byPartition = new Map<string, PendingRecord[]>();
  private readonly readTo: Record<string, number> = {};
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Where reading starts: positions below these are in the loaded view already. */
  startAt(positions: TopicPositions): void {
    Object.assign(this.readTo, positions);
  }

  add(partition: number, records: readonly PendingRecord[], nextOffset: number): void {
    const key = String(partition);
    const list = this.byPartition.get(key) ?? [];
    list.push(...records);
    this.byPartition.set(key, list);
    this.count += records.length;
    this.readTo[key] = Math.max(this.readTo[key] ?? 0, nextOffset);
  }

  /** How far each partition has been read (the next offset). */
  received(): TopicPositions {
    return { ...this.readTo };
  }

  /** Drops what is applied already (this replica's writer refreshed it). */
  dropApplied(applied: TopicPositions): void {
    for (const [p, list] of this.byPartition) {
      const keep = list.filter((r) => r.offset >= (applied[p] ?? 0));
      this.count -= list.length - keep.length;
      this.byPartition.set(p, keep);
    }
  }

  /**
   * Takes the records below the committed positions, and says how far each partition is then
   * complete: up to the committed offset, but never past what has been read.
   */
  takeBelow(committed: TopicPositions): { values: (Buffer | null)[]; reached: TopicPositions } {
    const values: (Buffer | null)[] = [];
    const reached: TopicPositions = {};
    for (const [p, read] of Object.entries(this.readTo)) {
      const upTo = Math.min(committed[p] ?? 0, read);
      if (upTo <= 0) {
        continue;
      }
      reached[p] = upTo;
      const list = this.byPartition.get(p) ?? [];
      const keep = list.filter((r) => r.offset >= upTo);
      list.filter((r) => r.offset < upTo).forEach((r) => values.push(r.value));
      this.count -= list.length - keep.length;
      this.byPartition.set(p, keep);
    }
    return { values, reached };
  }
}
