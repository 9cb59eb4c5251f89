import type { CaseSnapshot, ReasonCode } from '../api/cases.types';
import { pct } from '../ui/format';

/** Where a reason comes from: the model's attribution (log-odds), or the graph path with the model's view of it. */
function reasonTrace(r: ReasonCode): string {
  const signed = `${r.contribution > 0 ? '+' : ''}${r.contribution.toFixed(2)}`;
  return r.source === 'GRAPH' ? `(graph path; model ${signed})` : `(${signed})`;
}

function RuleHits({ s }: { s: CaseSnapshot }) {
  return (
    <ul data-testid="rule-hits">
      {s.ruleHits.map((r) => (
        <li key={r.code}>
          <span className={`pill ${r.kind === 'GRAPH' ? 'bad' : 'warn'}`}>{r.code}</span> {r.text}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  s: CaseSnapshot;
  /** Shows a graph explanation's path in the network view. */
  onExplain: (path: string[] | null) => void;
}

export function ScoreCard({ s, onExplain }: Props) {
  if (!s.champion) {
    return (
      <div className="card" data-testid="score">
        <h2>Not scored</h2>
        <p className="muted">Referred without a score, policy v{s.policyVersion}</p>
        <h2>Rule hits</h2>
        <RuleHits s={s} />
      </div>
    );
  }
  const m = s.champion;
  return (
    <div className="card" data-testid="score">
      <h2>
        Risk grade {m.riskGrade} · PD {pct(m.probabilityOfDefault)}
      </h2>
      <p className="muted">
        Model {m.modelVersion} ({m.modelSha256.slice(0, 12)}…), policy v{s.policyVersion}
        {s.degraded ? ` · DEGRADED: ${s.degradedReasons.join(', ')}` : ''}
      </p>
      <h2>Why the model says so</h2>
      <ul data-testid="reasons">
        {m.reasons.map((r) => (
          <li key={r.code}>
            {r.text} <span className="muted">{reasonTrace(r)}</span>
          </li>
        ))}
      </ul>
      <h2>Rule hits</h2>
      <RuleHits s={s} />
      <h2>Graph explanations</h2>
      <ul data-testid="explanations">
        {s.explanations.map((e) => (
          <li key={`${e.feature}:${e.text}`}>
            <span className={`pill ${e.severity === 'HIGH' ? 'bad' : ''}`}>{e.severity}</span> {e.text}{' '}
            {e.path && e.path.length > 1 && (
              <button
                type="button"
                className="link"
                data-testid="explain-path"
                onClick={() => onExplain(e.path ?? null)}
              >
                show path
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
