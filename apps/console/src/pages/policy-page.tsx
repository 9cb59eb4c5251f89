import { useState } from 'react';

import { activate, backtest, policies, saveDraft } from '../api/policies.api';
import type { PolicyVersion } from '../api/policies.types';
import { useCan } from '../session-context';
import { errorText, when } from '../ui/format';
import { LoadedView } from '../ui/loaded-view';
import { useToast } from '../ui/toast';
import { useLoad } from '../ui/use-load';

function VersionCard({ v, reload }: { v: PolicyVersion; reload: () => Promise<void> }) {
  const can = useCan();
  const toast = useToast();
  const [result, setResult] = useState('');
  const run = async (): Promise<void> => {
    try {
      const r = await backtest(v.id);
      setResult(
        `${r.changed} of ${r.evaluated} past applications would change outcome ${JSON.stringify(r.transitions)}`,
      );
    } catch (e) {
      toast(errorText(e), true);
    }
  };
  const activateIt = async (): Promise<void> => {
    try {
      await activate(v.id);
      toast('Activated');
      await reload();
    } catch (e) {
      toast(errorText(e), true);
    }
  };
  return (
    <div className="card" data-testid="policy-version">
      <h2>
        Version {v.version} <span className={`pill ${v.status === 'ACTIVE' ? 'ok' : ''}`}>{v.status}</span>
      </h2>
      <p>{v.note}</p>
      <p className="muted">
        by {v.createdBy} {when(v.createdAt)}
        {v.activatedBy ? `; activated by ${v.activatedBy} ${when(v.activatedAt)}` : ''}
      </p>
      {v.diffAgainstActive.length === 0 ? (
        <p className="muted">Same rules as the active version.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Active</th>
              <th scope="col">This version</th>
            </tr>
          </thead>
          <tbody>
            {v.diffAgainstActive.map((d) => (
              <tr key={d.path}>
                <td>{d.path}</td>
                <td>{JSON.stringify(d.from)}</td>
                <td>{JSON.stringify(d.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can('policies.write') && v.status === 'DRAFT' && (
        <p>
          <button type="button" className="secondary" data-testid="backtest" onClick={() => void run()}>
            Backtest
          </button>{' '}
          <button type="button" data-testid="activate" onClick={() => void activateIt()}>
            Activate
          </button>
        </p>
      )}
      <div data-testid={`backtest-${v.version}`}>{result}</div>
    </div>
  );
}

function DraftEditor({ active, reload }: { active: PolicyVersion | undefined; reload: () => Promise<void> }) {
  const toast = useToast();
  const [rules, setRules] = useState(JSON.stringify(active?.rules ?? {}, null, 2));
  const [note, setNote] = useState('');
  const save = async (): Promise<void> => {
    try {
      await saveDraft(JSON.parse(rules) as unknown, note);
      toast('Draft saved');
      await reload();
    } catch (e) {
      toast(errorText(e), true);
    }
  };
  return (
    <div className="card">
      <h2>New draft</h2>
      <label htmlFor="draft-rules">Rules (JSON)</label>
      <textarea
        id="draft-rules"
        className="rules-editor"
        data-testid="draft-rules"
        value={rules}
        onChange={(e) => setRules(e.target.value)}
      />
      <label htmlFor="draft-note">What changes and why</label>
      <input id="draft-note" data-testid="draft-note" value={note} onChange={(e) => setNote(e.target.value)} />
      <p>
        <button type="button" data-testid="save-draft" onClick={() => void save()}>
          Save draft
        </button>
      </p>
    </div>
  );
}

export function PolicyPage() {
  const can = useCan();
  const [loaded, reload] = useLoad(policies, 'policies');
  return (
    <LoadedView loaded={loaded}>
      {(versions) => (
        <>
          <h1>Decision policy</h1>
          <p className="muted">
            Maker/checker: a draft must be activated by a different risk manager. Backtest replays stored automatic
            decisions.
          </p>
          {can('policies.write') && (
            <DraftEditor active={versions.find((v) => v.status === 'ACTIVE')} reload={reload} />
          )}
          {versions.map((v) => (
            <VersionCard key={v.id} v={v} reload={reload} />
          ))}
        </>
      )}
    </LoadedView>
  );
}
