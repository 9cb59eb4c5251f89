import {
  adjudicateLabel,
  createLabelTask,
  labelAgreement,
  labelKinds,
  labelTasks,
  reviseLabel,
  submitLabel,
} from '../api/labelling.api';
import type { KindAgreement, LabelKind, LabelTask } from '../api/labelling.api';
import { useCan, useSignedIn } from '../session-context';
import { errorText, pct, when } from '../ui/format';
import { LoadedView } from '../ui/loaded-view';
import { useToast } from '../ui/toast';
import { useLoad } from '../ui/use-load';
import { NewTaskForm, subjectText, ValueForm } from './labelling-forms';

interface LabellingData {
  values: Record<LabelKind, string[]>;
  toLabel: LabelTask[];
  toAdjudicate: LabelTask[];
  all: LabelTask[];
  agreement: KindAgreement[];
}

async function loadLabelling(adjudicates: boolean): Promise<LabellingData> {
  const [kinds, toLabel, toAdjudicate, all, agreement] = await Promise.all([
    labelKinds(),
    labelTasks('to-label'),
    adjudicates ? labelTasks('adjudication') : Promise.resolve([]),
    labelTasks('all'),
    labelAgreement(),
  ]);
  const values = Object.fromEntries(kinds.map((k) => [k.kind, k.values])) as Record<LabelKind, string[]>;
  return { values, toLabel, toAdjudicate, all, agreement };
}

function AgreementTable({ rows }: { rows: KindAgreement[] }) {
  return (
    <table data-testid="label-agreement">
      <thead>
        <tr>
          {['Kind', 'Samples', 'Labeller pairs', 'Observed', 'By chance', "Cohen's kappa"].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.kind} data-kind={a.kind}>
            <td>{a.kind.replace(/_/g, ' ')}</td>
            <td>{a.samples}</td>
            <td>{a.n}</td>
            <td>{a.n ? pct(a.observed) : '—'}</td>
            <td>{a.n ? pct(a.expected) : '—'}</td>
            <td data-testid="kappa" title={a.kappa === null ? 'undefined: no pairs yet, or a single category' : ''}>
              {a.kappa === null ? '—' : a.kappa.toFixed(2)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const labelsText = (t: LabelTask): string =>
  (t.labels ?? []).map((l) => `${l.labeller}: ${l.value} (v${l.version}, ${when(l.recordedAt)})`).join('; ');

/**
 * The labelling tool chain: samples this user has still to label (blind: others' labels are
 * not shown), Cohen's kappa per kind, the adjudication queue for seniors, and every sample with
 * its label versions, where a labeller may revise theirs until the sample is final.
 */
export function LabellingPage() {
  const can = useCan();
  const { user } = useSignedIn();
  const toast = useToast();
  const adjudicates = can('labels.adjudicate');
  const [loaded, reload] = useLoad(() => loadLabelling(adjudicates), String(adjudicates));
  const run = async (done: string, act: () => Promise<unknown>): Promise<void> => {
    try {
      await act();
      toast(done);
      await reload();
    } catch (e) {
      toast(errorText(e), true);
    }
  };
  return (
    <div className="card" data-testid="labelling">
      <LoadedView loaded={loaded}>
        {(d) => (
          <>
            <h1>Labelling</h1>
            <h2>Agreement</h2>
            <AgreementTable rows={d.agreement} />
            {can('labels.task') && (
              <>
                <h2>Open a sample</h2>
                <NewTaskForm
                  onCreate={(caseId, subject) => void run('Sample opened', () => createLabelTask(caseId, subject))}
                />
              </>
            )}
            <h2>To label ({d.toLabel.length})</h2>
            {d.toLabel.length === 0 ? (
              <p data-testid="to-label-empty">Nothing waiting for your label.</p>
            ) : (
              <ul data-testid="to-label">
                {d.toLabel.map((t) => (
                  <li key={t.id} data-task={t.id}>
                    <a href={`#/case/${t.caseId}`}>{t.applicationId}</a> · {t.kind.replace(/_/g, ' ')} ·{' '}
                    {subjectText(t.subject)}{' '}
                    <span className="muted">
                      {t.labellerCount}/{t.requiredLabellers} labelled
                    </span>
                    <ValueForm
                      task={t}
                      values={d.values[t.kind]}
                      action="Label"
                      onSubmit={(v) => void run('Label recorded', () => submitLabel(t.id, v))}
                    />
                  </li>
                ))}
              </ul>
            )}
            {adjudicates && (
              <>
                <h2>To adjudicate ({d.toAdjudicate.length})</h2>
                <ul data-testid="to-adjudicate">
                  {d.toAdjudicate.map((t) => (
                    <li key={t.id} data-task={t.id}>
                      <a href={`#/case/${t.caseId}`}>{t.applicationId}</a> · {t.kind.replace(/_/g, ' ')} ·{' '}
                      {subjectText(t.subject)} <span className="muted">{labelsText(t)}</span>
                      {(t.labels ?? []).some((l) => l.labeller === user.username) ? (
                        <p className="muted">You labelled this sample; another senior adjudicates it.</p>
                      ) : (
                        <ValueForm
                          task={t}
                          values={d.values[t.kind]}
                          action="Adjudicate"
                          withNote
                          onSubmit={(v, note) => void run('Adjudicated', () => adjudicateLabel(t.id, v, note))}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h2>All samples</h2>
            <table data-testid="all-samples">
              <thead>
                <tr>
                  {['Application', 'Kind', 'Status', 'Labels (versions)', 'Final'].map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Revise your label</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.all.map((t) => {
                  const mine = (t.labels ?? []).filter((l) => l.labeller === user.username).at(-1);
                  const open = t.status === 'OPEN' || t.status === 'NEEDS_ADJUDICATION';
                  return (
                    <tr key={t.id} data-task={t.id}>
                      <td>{t.applicationId}</td>
                      <td>{t.kind.replace(/_/g, ' ')}</td>
                      <td>{t.status.replace(/_/g, ' ')}</td>
                      <td>{labelsText(t)}</td>
                      <td>
                        {t.finalValue ? `${t.finalValue}${t.adjudicatedBy ? ` (by ${t.adjudicatedBy})` : ''}` : ''}
                      </td>
                      <td>
                        {mine && open && (
                          <ValueForm
                            task={t}
                            values={d.values[t.kind]}
                            action="Revise"
                            onSubmit={(v) => void run('Label revised', () => reviseLabel(t.id, v, mine.version))}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </LoadedView>
    </div>
  );
}
