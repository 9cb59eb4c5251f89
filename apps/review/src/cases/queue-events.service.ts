import { Injectable, type MessageEvent } from '@nestjs/common';
import { distinctUntilChanged, exhaustMap, from, map, merge, type Observable, of, share, skip, timer } from 'rxjs';
import { DataSource } from 'typeorm';

import { CaseEntity } from './case.entity';

/** How often the queue's fingerprint is read while at least one console listens. */
const POLL_MS = 2000;

/**
 * Server-sent events for the console's queue: one `queue` event whenever a case is opened or
 * changes. Read from the database (case count and the sum of their row versions), so an event
 * reaches every console whichever replica changed the case; one poll is shared by all
 * listeners of this replica and runs only while there are any.
 */
@Injectable()
export class QueueEventsService {
  private readonly changes: Observable<MessageEvent>;

  constructor(private readonly dataSource: DataSource) {
    this.changes = timer(0, POLL_MS).pipe(
      exhaustMap(() => from(this.fingerprint())),
      distinctUntilChanged(),
      skip(1),
      map((): MessageEvent => ({ type: 'queue', data: { changed: true } })),
      share(),
    );
  }

  /** A `ready` event at once (the console shows it is live), then the changes. */
  stream(): Observable<MessageEvent> {
    return merge(of<MessageEvent>({ type: 'ready', data: {} }), this.changes);
  }

  private async fingerprint(): Promise<string> {
    const row = await this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .select('COUNT(*)::int', 'n')
      .addSelect('COALESCE(SUM(c.revision), 0)::bigint', 'v')
      .getRawOne<{ n: number; v: string }>();
    return `${row?.n ?? 0}:${row?.v ?? 0}`;
  }
}
