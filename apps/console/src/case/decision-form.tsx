import { useState } from 'react';

import type { CaseAction, DecisionReason } from '../api/cases.api';

type Outcome = 'APPROVED' | 'DECLINED';

export function DecisionForm({
  reasons,
  run,
}: {
  reasons: DecisionReason[];
  run: (a: CaseAction, done: string) => Promise<void>;
}) {
  const [outcome, setOutcome] = useState<Outcome>('APPROVED');
  const options = reasons.filter((r) => r.outcome === outcome);
  const [reasonCode, setReasonCode] = useState(options[0]?.code ?? '');
  const [note, setNote] = useState('');
  const pickOutcome = (next: Outcome): void => {
    setOutcome(next);
    setReasonCode(reasons.find((r) => r.outcome === next)?.code ?? '');
  };
  return (
    <div>
      <label htmlFor="decision-outcome">Outcome</label>
      <select
        id="decision-outcome"
        data-testid="decision-outcome"
        value={outcome}
        onChange={(e) => pickOutcome(e.target.value as Outcome)}
      >
        <option value="APPROVED">Approve</option>
        <option value="DECLINED">Decline</option>
      </select>
      <label htmlFor="decision-reason">Reason</label>
      <select
        id="decision-reason"
        data-testid="decision-reason"
        value={reasonCode}
        onChange={(e) => setReasonCode(e.target.value)}
      >
        {options.map((r) => (
          <option key={r.code} value={r.code}>
            {r.code} — {r.text}
          </option>
        ))}
      </select>
      <label htmlFor="decision-note">Note</label>
      <textarea
        id="decision-note"
        data-testid="decision-note"
        placeholder="Why (mandatory)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <p>
        <button
          type="button"
          data-testid="decide"
          onClick={() => void run({ action: 'decide', body: { outcome, reasonCode, note } }, 'Decision recorded')}
        >
          Submit decision
        </button>
      </p>
    </div>
  );
}
