import type { DataSource, EntityManager } from 'typeorm';

import { applyIsolating } from '@loanmesh/observability';

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: items submitted while a transaction is committing are written together in
 * the next one, so a consumer handling several partitions at once pays one commit (and one
 * lock on a shared row such as a hash-chain head) per group instead of per message. Each
 * caller resolves only after its own item is committed, with the result `commit` gave it.
 *
 * One item the store refuses (a value PostgreSQL rejects) must not fail its group: a group
 * failing for any reason but an unavailable database is split in halves and recommitted
 * until the refused item stands alone; it is rejected with the store's error, the others
 * commit. An unavailable database rejects the whole group (see `applyIsolating`).
 */
export class GroupCommitter<T, R> {
  private pending: Pending<T, R>[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    /** Writes the items in order inside one transaction; returns one result per item. */
    private readonly commit: (manager: EntityManager, items: T[]) => Promise<R[]>,
    private readonly afterCommit: () => void = () => undefined,
    private readonly maxBatch = 200,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.flushing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      const settled = await applyIsolating(batch, (part) => this.commitPart(part));
      settled.forEach((s, i) => (s.ok ? batch[i].resolve(s.value) : batch[i].reject(s.error)));
    }
    this.flushing = undefined;
  }

  private async commitPart(part: Pending<T, R>[]): Promise<R[]> {
    const results = await this.dataSource.transaction((m) =>
      this.commit(
        m,
        part.map((p) => p.item),
      ),
    );
    this.afterCommit();
    return results;
  }
}
