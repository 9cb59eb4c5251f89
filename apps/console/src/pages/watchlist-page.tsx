import { useState } from 'react';

import { acknowledgeWatch, watchlist } from '../api/watchlist.api';
import type { WatchlistEntry, WatchlistStatus } from '../api/watchlist.api';
import { useCan } from '../session-context';
import { errorText, pct, when } from '../ui/format';
import { LoadedView } from '../ui/loaded-view';
import { useToast } from '../ui/toast';
import { useLoad } from '../ui/use-load';

const STATUSES: (WatchlistStatus | 'ALL')[] = ['OPEN', 'ACKNOWLEDGED', 'ALL'];
const HEADERS = ['Loan', 'Borrower', 'Defaulted neighbour', 'Path that changed', 'PD then → now', 'Status'];

/** The path as the graph found it: node, relationship, node... from the defaulted company to the borrower. */
function pathText(e: WatchlistEntry): string {
  return e.path.map((node, i) => (i < e.relationships.length ? `${node} —${e.relationships[i]}→ ` : node)).join('');
}

function PdChange({ e }: { e: WatchlistEntry }) {
  const then = e.oldPd === null ? '—' : pct(e.oldPd);
  if (e.rescoreStatus !== 'DONE' || e.newPd === null) {
    return (
      <span title={e.rescoreReason ?? ''}>
        {then} → <span className="muted">{e.rescoreStatus === 'PENDING' ? 're-scoring…' : 'unavailable'}</span>
      </span>
    );
  }
  const worse = e.oldPd !== null && e.newPd > e.oldPd;
  return (
    <span className={worse ? 'pill bad' : 'pill'} data-testid="watch-pd">
      {then} → {pct(e.newPd)}
    </span>
  );
}

function WatchRow({ e, acknowledge }: { e: WatchlistEntry; acknowledge: (e: WatchlistEntry) => void }) {
  const can = useCan();
  return (
    <tr data-testid="watch-row" data-alert={e.alertId}>
      <td>
        <strong>{e.loanId}</strong>
        <div className="muted">{e.applicationId ?? 'no application'}</div>
      </td>
      <td>{e.companyId}</td>
      <td>
        {e.triggerCompanyId}
        <div className="muted">defaulted {e.defaultedAt}</div>
      </td>
      <td>
        {pathText(e)}
        <div className="muted">{e.hops === 1 ? '1 hop' : `${e.hops} hops`}</div>
      </td>
      <td>
        <PdChange e={e} />
      </td>
      <td>
        {e.status === 'OPEN' ? (
          can('watchlist.acknowledge') && (
            <button type="button" data-testid="watch-ack" onClick={() => acknowledge(e)}>
              Acknowledge
            </button>
          )
        ) : (
          <span className="pill ok">{`${e.acknowledgedBy ?? ''}, ${when(e.acknowledgedAt)}`}</span>
        )}
      </td>
    </tr>
  );
}

/**
 * Live loans whose network worsened: the graph service alerts every live loan within two hops
 * of a company that defaulted; review keeps one entry per alert with the loan's PD when it was
 * decided and its re-score on the graph as of the default day.
 */
export function WatchlistPage() {
  const can = useCan();
  const toast = useToast();
  const [status, setStatus] = useState<WatchlistStatus | 'ALL'>('OPEN');
  const [page, setPage] = useState(1);
  const [loaded, reload] = useLoad(() => watchlist(status, page), `${status}:${page}`);
  const acknowledge = async (e: WatchlistEntry): Promise<void> => {
    try {
      await acknowledgeWatch(e.id);
      toast('Acknowledged');
      await reload();
    } catch (err) {
      toast(errorText(err), true);
    }
  };
  return (
    <div className="card" data-testid="watchlist">
      <LoadedView loaded={loaded}>
        {(result) => (
          <>
            <h1>Watchlist ({result.total})</h1>
            <p className="muted">
              Live loans whose network worsened: a company within two relationships of the borrower defaulted.
              {can('watchlist.acknowledge') ? '' : ' Read-only for your role.'}
            </p>
            <p>
              <label htmlFor="watch-filter">Show </label>
              <select
                id="watch-filter"
                data-testid="watch-filter"
                className="auto-width"
                value={status}
                onChange={(ev) => {
                  setStatus(ev.target.value as WatchlistStatus | 'ALL');
                  setPage(1);
                }}
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </p>
            <table>
              <thead>
                <tr>
                  {HEADERS.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.items.map((e) => (
                  <WatchRow key={e.id} e={e} acknowledge={(x) => void acknowledge(x)} />
                ))}
              </tbody>
            </table>
            <p>
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </button>{' '}
              <span className="muted">{`page ${page} of ${Math.max(1, Math.ceil(result.total / result.pageSize))}`}</span>{' '}
              <button
                type="button"
                className="secondary"
                disabled={page * result.pageSize >= result.total}
                onClick={() => setPage(page + 1)}
              >
                Next
              </button>
            </p>
          </>
        )}
      </LoadedView>
    </div>
  );
}
