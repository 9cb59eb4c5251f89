import { useState } from 'react';

import { replay } from '../api/replay.api';
import type { DecisionReplay, ReplayStatus } from '../api/replay.types';
import { useCan } from '../session-context';
import { errorText, pct, when } from '../ui/format';

const STATUS_CLASS: Record<ReplayStatus, string> = { SAME: 'ok', CHANGED: 'bad', UNAVAILABLE: 'warn' };

function Row({ part, status, detail }: { part: string; status: ReplayStatus; detail: string }) {
  return (
    <tr data-part={part}>
      <td>{part}</td>
      <td>
        <span className={`pill ${STATUS_CLASS[status]}`} data-testid="replay-part-status">
          {status}
        </span>
      </td>
      <td>{detail}</td>
    </tr>
  );
}

function ReplayTable({ r }: { r: DecisionReplay }) {
  const m = r.model;
  const g = r.graph;
  return (
    <div>
      <p>
        Overall{' '}
        <span className={`pill ${STATUS_CLASS[r.status]}`} data-testid="replay-status">
          {r.status}
        </span>{' '}
        · decided {when(r.decidedAt)}
      </p>
      <table data-testid="replay-table">
        <tbody>
          <Row
            part="policy"
            status={r.policy.status}
            detail={`v${r.policy.version}: ${r.policy.stored} → ${r.policy.replayed ?? '—'} ${r.policy.ruleChanges.join(' ')} ${r.policy.reason ?? ''}`}
          />
          <Row
            part="model"
            status={m.status}
            detail={`${m.modelVersion}: ${pct(m.storedPd)} ${m.storedGrade} → ${m.replayedPd === null ? '—' : `${pct(m.replayedPd)} ${m.replayedGrade ?? ''}`} ${m.reason ?? ''}`}
          />
          <Row
            part="graph"
            status={g.status}
            detail={
              g.changes.length > 0
                ? g.changes.map((c) => `${c.feature}: ${c.stored} → ${c.replayed}`).join('; ')
                : `as of ${g.asOf ?? '—'} ${g.reason ?? ''}`
            }
          />
        </tbody>
      </table>
    </div>
  );
}

/** "Replay decision": the automatic decision re-run as of its time, part by part, for risk and audit. */
export function ReplayCard({ applicationId }: { applicationId: string }) {
  const can = useCan();
  const [state, setState] = useState<{ r?: DecisionReplay; error?: string; busy?: boolean }>({});
  if (!can('decisions.replay')) {
    return null;
  }
  const run = async (): Promise<void> => {
    setState({ busy: true });
    try {
      setState({ r: await replay(applicationId) });
    } catch (e) {
      setState({ error: errorText(e) });
    }
  };
  return (
    <div className="card">
      <h2>Replay</h2>
      <button type="button" data-testid="replay" onClick={() => void run()}>
        Replay decision
      </button>
      <div data-testid="replay-area">
        {state.busy && <p className="muted">Replaying…</p>}
        {state.error && (
          <p className="error" data-testid="replay-error">
            {state.error}
          </p>
        )}
        {state.r ? (
          <ReplayTable r={state.r} />
        ) : (
          <p className="muted">Pinned policy and model versions, and the graph as it stood on the application day.</p>
        )}
      </div>
    </div>
  );
}
