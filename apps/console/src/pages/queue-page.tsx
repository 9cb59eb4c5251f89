import { useCallback, useEffect, useState } from 'react';

import { type CaseStatus, type QueueItem, queue } from '../api/cases.api';
import { useI18n } from '../i18n/i18n';
import { LoadedView } from '../ui/loaded-view';
import { money, pct } from '../ui/format';
import { useLoad } from '../ui/use-load';
import { useQueueEvents } from './use-queue-events';
import { QueueFilters } from './queue-filters';
import { applyFilter, emptyFilter, PAGE_SIZE, type QueueFilter } from './queue-filter';
import { countdown, slaState } from './sla';

const STATUS_CLASS: Record<CaseStatus, string> = {
  OPEN: '',
  CLAIMED: 'warn',
  AWAITING_CONFIRMATION: 'bad',
  DECIDED: 'ok',
};

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  return now;
}

function QueueRow({ c, now }: { c: QueueItem; now: number }) {
  const sla = slaState(c, now);
  return (
    <tr className={c.slaBreached ? 'breached' : ''} data-testid="queue-row" data-application={c.applicationId}>
      <td>
        <a href={`#/case/${c.id}`} data-testid="open-case">
          {c.applicationId}
        </a>
      </td>
      <td>{c.companyId}</td>
      <td className="num">{money(c.amount)}</td>
      <td>
        {c.probabilityOfDefault === null ? 'not scored' : `${c.riskGrade ?? ''} · ${pct(c.probabilityOfDefault)}`}
      </td>
      <td className="num">{money(c.expectedLoss)}</td>
      <td>
        <span className={`pill ${STATUS_CLASS[c.status]}`}>{c.status.replace('_', ' ')}</span>
      </td>
      <td>{c.assignee ?? '—'}</td>
      <td>
        <span className={`sla sla-${sla}`} data-testid="sla" data-sla={sla}>
          {countdown(c.slaDeadline, now)}
        </span>
      </td>
      <td>{c.fourEyesRequired && <span className="pill warn">four-eyes</span>}</td>
      <td>{c.ruleHits.join(', ')}</td>
    </tr>
  );
}

const HEADERS = ['Application', 'Company', 'Amount', 'Grade · PD', 'Expected loss', 'Status', 'Assignee', 'SLA left'];

function QueueTable({ items }: { items: QueueItem[] }) {
  const { t } = useI18n();
  const now = useNow();
  const [filter, setFilter] = useState<QueueFilter>(emptyFilter);
  const { rows, total } = applyFilter(items, filter, now);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <QueueFilters items={items} filter={filter} onChange={setFilter} />
      <p className="muted" data-testid="queue-count" aria-live="polite">
        {total} of {items.length} cases
      </p>
      {items.length === 0 ? (
        <p data-testid="queue-empty">No cases waiting.</p>
      ) : (
        <table data-testid="queue">
          <thead>
            <tr>
              {HEADERS.map((t) => (
                <th key={t} scope="col">
                  {t}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Four-eyes</span>
              </th>
              <th scope="col">Rule hits</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <QueueRow key={c.id} c={c} now={now} />
            ))}
          </tbody>
        </table>
      )}
      <p className="pager">
        <button
          type="button"
          className="secondary"
          data-testid="page-prev"
          disabled={filter.page === 0}
          onClick={() => setFilter({ ...filter, page: filter.page - 1 })}
        >
          {t('queue.previous')}
        </button>{' '}
        <span data-testid="page-of">
          Page {filter.page + 1} of {pages}
        </span>{' '}
        <button
          type="button"
          className="secondary"
          data-testid="page-next"
          disabled={filter.page + 1 >= pages}
          onClick={() => setFilter({ ...filter, page: filter.page + 1 })}
        >
          {t('queue.next')}
        </button>
      </p>
    </>
  );
}

export function QueuePage() {
  const { t } = useI18n();
  const [loaded, , replace] = useLoad(() => queue(), 'queue');
  const refresh = useCallback(async () => replace(await queue(true)), [replace]);
  const live = useQueueEvents(refresh);
  return (
    <div className="card">
      <LoadedView loaded={loaded}>
        {(items) => (
          <>
            <h1>
              {t('queue.title')} ({items.length}){' '}
              <span className={`pill ${live ? 'ok' : ''}`} data-testid="queue-live" data-live={live}>
                {live ? t('queue.live') : t('queue.notLive')}
              </span>
            </h1>
            <p className="muted">
              Ordered by priority: expected loss (PD × amount; the whole amount when not scored) weighted by how much of
              the SLA window has passed. Updates arrive as cases change.
            </p>
            <QueueTable items={items} />
          </>
        )}
      </LoadedView>
    </div>
  );
}
