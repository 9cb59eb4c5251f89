import type { CaseEvent, DecisionRecord } from '../api/cases.types';
import { when } from '../ui/format';

function summarize(details: Record<string, unknown> | null): string {
  return Object.entries(details ?? {})
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

export function HistoryCard({ history }: { history: CaseEvent[] }) {
  return (
    <div className="card">
      <h2>Case history</h2>
      <ol className="history" data-testid="history">
        {history.map((e, i) => (
          <li key={i} data-action={e.action}>
            <strong>{e.action}</strong> by {e.actor} at {when(e.at)}{' '}
            <span className="muted">{summarize(e.details)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function DecisionsCard({ decisions }: { decisions: DecisionRecord[] }) {
  return (
    <div className="card">
      <h2>Decisions (hash-chained)</h2>
      <ol data-testid="decisions">
        {decisions.map((d) => (
          <li key={d.seq}>
            <strong>{d.outcome}</strong> {d.automatic ? 'automatic' : `by ${d.decidedBy}`} at {when(d.decidedAt)}{' '}
            {d.content.override && <span className="pill bad">override</span>}
            <div className="muted">
              #{d.seq} {d.hash.slice(0, 16)}…
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
