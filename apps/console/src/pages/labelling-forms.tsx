import { useState } from 'react';

import type { LabelKind, LabelSubject, LabelTask } from '../api/labelling.api';

const KINDS: LabelKind[] = ['FRAUD', 'ER_CORRECTION', 'REASON_TAG', 'OUTCOME_DISPUTE'];

/** What the sample asks, in words: the entity pair or the disputed outcome where the kind has one. */
export function subjectText(s: LabelSubject): string {
  switch (s.kind) {
    case 'FRAUD':
      return 'Fraud or not fraud?';
    case 'ER_CORRECTION':
      return `Are ${s.entityA} and ${s.entityB} the same entity?`;
    case 'REASON_TAG':
      return 'Which reason from the taxonomy fits?';
    case 'OUTCOME_DISPUTE':
      return `Recorded outcome ${s.disputedOutcome}: what is the correct outcome?`;
  }
}

/** One value of the kind's list, then a button; `extra` adds the adjudicator's note. */
export function ValueForm({
  task,
  values,
  action,
  withNote,
  onSubmit,
}: {
  task: LabelTask;
  values: readonly string[];
  action: string;
  withNote?: boolean;
  onSubmit: (value: string, note: string) => void;
}) {
  const [value, setValue] = useState(values[0] ?? '');
  const [note, setNote] = useState('');
  return (
    <form
      data-testid={`${action.toLowerCase()}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(value, note);
      }}
    >
      <label className="visually-hidden" htmlFor={`value-${action}-${task.id}`}>
        Label
      </label>
      <select
        id={`value-${action}-${task.id}`}
        className="auto-width"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {v.replace(/_/g, ' ')}
          </option>
        ))}
      </select>{' '}
      {withNote && (
        <input
          className="auto-width"
          aria-label="Note"
          placeholder="Why"
          required
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      )}{' '}
      <button type="submit">{action}</button>
    </form>
  );
}

/** A senior opens a sample on a case: the kind, and the entity pair or disputed outcome it is about. */
export function NewTaskForm({ onCreate }: { onCreate: (caseId: string, subject: LabelSubject) => void }) {
  const [caseId, setCaseId] = useState('');
  const [kind, setKind] = useState<LabelKind>('FRAUD');
  const [entityA, setEntityA] = useState('');
  const [entityB, setEntityB] = useState('');
  const [disputed, setDisputed] = useState<'REPAID' | 'DEFAULTED'>('DEFAULTED');
  const subject = (): LabelSubject => {
    switch (kind) {
      case 'ER_CORRECTION':
        return { kind, entityA, entityB };
      case 'OUTCOME_DISPUTE':
        return { kind, disputedOutcome: disputed };
      case 'FRAUD':
      case 'REASON_TAG':
        return { kind };
    }
  };
  return (
    <form
      data-testid="new-task-form"
      onSubmit={(e) => {
        e.preventDefault();
        onCreate(caseId.trim(), subject());
      }}
    >
      <input
        className="auto-width"
        aria-label="Case id"
        placeholder="Case id"
        required
        value={caseId}
        onChange={(e) => setCaseId(e.target.value)}
      />{' '}
      <select
        aria-label="Kind"
        className="auto-width"
        value={kind}
        onChange={(e) => setKind(e.target.value as LabelKind)}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {k.replace(/_/g, ' ')}
          </option>
        ))}
      </select>{' '}
      {kind === 'ER_CORRECTION' && (
        <>
          <input
            className="auto-width"
            aria-label="Entity A"
            placeholder="Entity A"
            required
            value={entityA}
            onChange={(e) => setEntityA(e.target.value)}
          />{' '}
          <input
            className="auto-width"
            aria-label="Entity B"
            placeholder="Entity B"
            required
            value={entityB}
            onChange={(e) => setEntityB(e.target.value)}
          />{' '}
        </>
      )}
      {kind === 'OUTCOME_DISPUTE' && (
        <select
          aria-label="Disputed outcome"
          className="auto-width"
          value={disputed}
          onChange={(e) => setDisputed(e.target.value as 'REPAID' | 'DEFAULTED')}
        >
          <option value="DEFAULTED">recorded DEFAULTED</option>
          <option value="REPAID">recorded REPAID</option>
        </select>
      )}{' '}
      <button type="submit">Open sample</button>
    </form>
  );
}
