import { useCallback, useEffect, useRef, useState } from 'react';

import { type CaseStatus, type QueueItem, type QueuePage, queue } from '../api/cases.api';
import { useI18n } from '../i18n/i18n';
import { LoadedView } from '../ui/loaded-view';
import { money, pct } from '../ui/format';
import { useLoad } from '../ui/use-load';
import { useQueueEvents } from './use-queue-events';
import { QueueFilters } from './queue-filters';
import { emptyFilter, type QueueFilter, toQuery } from './queue-filter';
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
      <td>
        {c.companyName ?? c.companyId}
        {c.companyName !== null && <span className="muted"> {c.companyId}</span>}
      </td>
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

const NO_CHOICES: QueuePage['choices'] = { grades: [], ruleHits: [], assignees: [] };

function Pager({
  page,
  filter,
  onChange,
}: {
  page: QueuePage;
  filter: QueueFilter;
  onChange: (f: QueueFilter) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <p className="pager">
      <button
        type="button"
        className="secondary"
        data-testid="page-prev"
        disabled={filter.page === 0}
        onClick={() => onChange({ ...filter, page: filter.page - 1 })}
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
        onClick={() => onChange({ ...filter, page: filter.page + 1 })}
      >
        {t('queue.next')}
      </button>
    </p>
  );
}

function QueueTable({
  page,
  filter,
  onChange,
}: {
  page: QueuePage;
  filter: QueueFilter;
  onChange: (f: QueueFilter) => void;
}) {
  const now = useNow();
  return (
    <>
      <p className="muted" data-testid="queue-count" aria-live="polite">
        {page.total} of {page.queued} cases
      </p>
      {page.items.length === 0 ? (
        <p data-testid="queue-empty">No cases waiting.</p>
      ) : (
        <table data-testid="queue">
          <thead>
            <tr>
              {HEADERS.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Four-eyes</span>
              </th>
              <th scope="col">Rule hits</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((c) => (
              <QueueRow key={c.id} c={c} now={now} />
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} filter={filter} onChange={onChange} />
    </>
  );
}

/** Filters live outside the loading state, so typing a search keeps its focus while review answers. */
export function QueuePage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<QueueFilter>(emptyFilter);
  const query = toQuery(filter);
  const [loaded, , replace] = useLoad(() => queue(query), JSON.stringify(query));
  const latestQuery = useRef(query);
  latestQuery.current = query;
  const refresh = useCallback(async () => replace(await queue(latestQuery.current, true)), [replace]);
  const live = useQueueEvents(refresh);
  const [choices, setChoices] = useState(NO_CHOICES);
  const [queued, setQueued] = useState<number | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') {
      setChoices(loaded.value.choices);
      setQueued(loaded.value.queued);
    }
  }, [loaded]);
  return (
    <div className="card">
      <h1>
        {t('queue.title')} {queued === null ? '' : `(${queued})`}{' '}
        <span className={`pill ${live ? 'ok' : ''}`} data-testid="queue-live" data-live={live}>
          {live ? t('queue.live') : t('queue.notLive')}
        </span>
      </h1>
      <p className="muted">
        Ordered by priority: expected loss (PD × amount; the whole amount when not scored) weighted by how much of the
        SLA window has passed. Updates arrive as cases change.
      </p>
      <QueueFilters choices={choices} filter={filter} onChange={setFilter} />
      <LoadedView loaded={loaded}>
        {(page) => <QueueTable page={page} filter={filter} onChange={setFilter} />}
      </LoadedView>
    </div>
  );
}
