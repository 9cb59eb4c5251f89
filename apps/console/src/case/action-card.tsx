import { useState } from 'react';

import type { CaseAction, CaseRecord, DecisionReason } from '../api/cases.api';
import { useCan, useSignedIn } from '../session-context';
import { when } from '../ui/format';
import { DecisionForm } from './decision-form';
import { useCaseAction } from './use-case-action';

type Run = (a: CaseAction, done: string) => Promise<void>;

function Proposal({ c, run }: { c: CaseRecord; run: Run }) {
  const can = useCan();
  const [note, setNote] = useState('');
  const p = c.proposal;
  if (!p) {
    return null;
  }
  return (
    <>
      <p data-testid="proposal">
        Proposed by {p.proposedBy}: {p.outcome} ({p.reasonCode}) — {p.note}
      </p>
      {can('cases.confirm') ? (
        <>
          <label htmlFor="confirm-note">Confirmation note</label>
          <textarea
            id="confirm-note"
            data-testid="confirm-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button
            type="button"
            data-testid="confirm"
            onClick={() =>
              void run({ action: 'confirm', body: { agree: true, note: note || 'Confirmed' } }, 'Decision confirmed')
            }
          >
            Confirm
          </button>{' '}
          <button
            type="button"
            className="secondary"
            data-testid="refuse"
            onClick={() =>
              void run({ action: 'confirm', body: { agree: false, note: note || 'Refused' } }, 'Sent back')
            }
          >
            Send back
          </button>
        </>
      ) : (
        <p className="muted">Waiting for a senior officer other than the proposer to confirm.</p>
      )}
    </>
  );
}

function Reopen({ run }: { run: Run }) {
  const [reason, setReason] = useState('');
  return (
    <>
      <label htmlFor="reopen-reason">Reason to reopen</label>
      <input
        id="reopen-reason"
        data-testid="reopen-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="button"
        className="secondary"
        data-testid="reopen"
        onClick={() => void run({ action: 'reopen', body: { reason } }, 'Case reopened')}
      >
        Reopen
      </button>
    </>
  );
}

function Comment({ run }: { run: Run }) {
  const [text, setText] = useState('');
  return (
    <>
      <label htmlFor="comment-text">Comment</label>
      <textarea id="comment-text" data-testid="comment-text" value={text} onChange={(e) => setText(e.target.value)} />
      <button
        type="button"
        className="secondary"
        data-testid="comment"
        onClick={() => void run({ action: 'comments', body: { text } }, 'Comment added')}
      >
        Add comment
      </button>
    </>
  );
}

/** What this user may do with the case now; the buttons follow the permissions review grants. */
export function ActionCard({
  c,
  reasons,
  reload,
}: {
  c: CaseRecord;
  reasons: DecisionReason[];
  reload: () => Promise<void>;
}) {
  const { user } = useSignedIn();
  const can = useCan();
  const { run, error } = useCaseAction(c.id, reload);
  const mine = c.assignee === user.username;
  return (
    <div className="card">
      <h2>Decision</h2>
      <p data-testid="four-eyes">
        {c.fourEyesRequired ? `Four-eyes required: ${c.fourEyesReasons.join('; ')}` : 'Four-eyes not required'}
      </p>
      {c.status === 'OPEN' && can('cases.claim') && (
        <button type="button" data-testid="claim" onClick={() => void run({ action: 'claim' }, 'Case claimed')}>
          Claim
        </button>
      )}
      {c.status === 'CLAIMED' && (
        <>
          <p>Claimed by {c.assignee}</p>
          {mine && (
            <>
              <DecisionForm key={c.id} reasons={reasons} run={run} />
              <button
                type="button"
                className="secondary"
                data-testid="release"
                onClick={() => void run({ action: 'release' }, 'Case released')}
              >
                Release
              </button>
            </>
          )}
        </>
      )}
      {c.status === 'AWAITING_CONFIRMATION' && <Proposal c={c} run={run} />}
      {c.status === 'DECIDED' && (
        <>
          <p data-testid="final-outcome">
            Decided: {c.outcome} on {when(c.decidedAt)}
          </p>
          {can('cases.reopen') && <Reopen run={run} />}
        </>
      )}
      {can('cases.comment') && <Comment run={run} />}
      <p className="error" data-testid="action-error" role="alert">
        {error}
      </p>
    </div>
  );
}
