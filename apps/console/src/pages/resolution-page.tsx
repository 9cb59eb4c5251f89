import { useState } from 'react';

import { decideCandidate, mergeCandidates } from '../api/graph.api';
import type { CandidateStatus, MergeCandidate } from '../api/graph.types';
import { useCan } from '../session-context';
import { errorText, pct, when } from '../ui/format';
import { LoadedView } from '../ui/loaded-view';
import { useToast } from '../ui/toast';
import { useLoad } from '../ui/use-load';

const STATUSES: (CandidateStatus | 'ALL')[] = ['PENDING', 'AUTO_LINKED', 'CONFIRMED', 'REJECTED', 'ALL'];
const STATUS_CLASS: Record<CandidateStatus, string> = {
  PENDING: 'warn',
  AUTO_LINKED: '',
  CONFIRMED: 'ok',
  REJECTED: 'bad',
};
const HEADERS = ['Kind', 'Record A', 'Record B', 'Rule · score', 'Names', 'Evidence', 'Status', 'Decided'];

function Party({ p }: { p: MergeCandidate['a'] }) {
  return (
    <div>
      <strong>{p?.name ?? '—'}</strong>
      <div className="muted">{p?.id ?? ''}</div>
    </div>
  );
}

function evidence(c: MergeCandidate): string {
  return (
    [c.samePhone ? 'same phone' : '', c.sameAddress ? 'same address' : '', c.sameBirthYear ? 'same birth year' : '']
      .filter(Boolean)
      .join(', ') || '—'
  );
}

function CandidateRow({
  c,
  decide,
}: {
  c: MergeCandidate;
  decide: (c: MergeCandidate, v: 'confirm' | 'reject') => void;
}) {
  const can = useCan();
  return (
    <tr data-testid="candidate-row" data-candidate={c.id}>
      <td>{c.kind}</td>
      <td>
        <Party p={c.a} />
      </td>
      <td>
        <Party p={c.b} />
      </td>
      <td>{`${c.rule} · ${Number(c.score).toFixed(2)}`}</td>
      <td>{pct(c.nameSimilarity)} name match</td>
      <td>{evidence(c)}</td>
      <td>
        <span className={`pill ${STATUS_CLASS[c.status]}`} data-testid="candidate-status">
          {c.status}
        </span>
      </td>
      <td>{c.decidedBy ? `${c.decidedBy}, ${when(c.decidedAt)}` : ''}</td>
      <td>
        {can('resolution.decide') && (c.status === 'PENDING' || c.status === 'AUTO_LINKED') && (
          <>
            <button type="button" data-testid="candidate-confirm" onClick={() => decide(c, 'confirm')}>
              Confirm
            </button>{' '}
            <button
              type="button"
              className="secondary"
              data-testid="candidate-reject"
              onClick={() => decide(c, 'reject')}
            >
              Reject
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

/**
 * The merge queue for entity resolution: pairs the graph service scored in the grey zone
 * (PENDING) or linked on its own (AUTO_LINKED). A senior officer or risk manager confirms a
 * pair (the two records become one party in the graph) or rejects it (the link is removed).
 */
export function ResolutionPage() {
  const can = useCan();
  const toast = useToast();
  const [status, setStatus] = useState<CandidateStatus | 'ALL'>('PENDING');
  const [loaded, reload] = useLoad(() => mergeCandidates(status), status);
  const decide = async (c: MergeCandidate, verdict: 'confirm' | 'reject'): Promise<void> => {
    try {
      await decideCandidate(c.id, verdict);
      toast(verdict === 'confirm' ? 'Merge confirmed' : 'Merge rejected');
      await reload();
    } catch (e) {
      toast(errorText(e), true);
    }
  };
  return (
    <div className="card" data-testid="resolution">
      <LoadedView loaded={loaded}>
        {(candidates) => (
          <>
            <h1>Entity resolution ({candidates.length})</h1>
            <p className="muted">
              Records the graph service thinks may be the same company or person. Confirming merges them in the graph
              (their shared phones and addresses stop counting as links between different parties); rejecting keeps them
              apart.{can('resolution.decide') ? '' : ' Read-only for your role.'}
            </p>
            <p>
              <label htmlFor="candidate-filter">Show </label>
              <select
                id="candidate-filter"
                data-testid="candidate-filter"
                className="auto-width"
                value={status}
                onChange={(e) => setStatus(e.target.value as CandidateStatus | 'ALL')}
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s.replace('_', ' ')}
                  </option>
                ))}
              </select>
            </p>
            {candidates.length === 0 ? (
              <p data-testid="candidates-empty">No candidates with this status.</p>
            ) : (
              <table data-testid="candidates">
                <thead>
                  <tr>
                    {HEADERS.map((t) => (
                      <th key={t} scope="col">
                        {t}
                      </th>
                    ))}
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.map((c) => (
                    <CandidateRow key={c.id} c={c} decide={(x, v) => void decide(x, v)} />
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </LoadedView>
    </div>
  );
}
