import { api } from './api.mjs';
import { h, pct, when } from './dom.mjs';

const REPLAYERS = ['risk_manager', 'auditor', 'admin'];
const STATUS_CLASS = { SAME: 'ok', CHANGED: 'bad', UNAVAILABLE: 'warn' };

/** "Replay decision": the automatic decision re-run as of its time, part by part, for risk and audit. */
export function replayCard(applicationId, user) {
  if (!REPLAYERS.includes(user.role)) return '';
  const area = h(
    'div',
    { 'data-testid': 'replay-area' },
    h('p', { class: 'muted' }, 'Pinned policy and model versions, and the graph as it stood on the application day.'),
  );
  const run = async () => {
    area.replaceChildren(h('p', { class: 'muted' }, 'Replaying…'));
    try {
      area.replaceChildren(replayTable(await api(`/decisions/${encodeURIComponent(applicationId)}/replay`)));
    } catch (e) {
      area.replaceChildren(h('p', { class: 'error', 'data-testid': 'replay-error' }, `${e.code}: ${e.message}`));
    }
  };
  return h(
    'div',
    { class: 'card' },
    h('h2', {}, 'Replay'),
    h('button', { 'data-testid': 'replay', onclick: () => void run() }, 'Replay decision'),
    area,
  );
}

function replayTable(r) {
  const pill = (status) =>
    h('span', { class: `pill ${STATUS_CLASS[status] ?? ''}`, 'data-testid': 'replay-part-status' }, status);
  const row = (part, status, detail) =>
    h('tr', { 'data-part': part }, h('td', {}, part), h('td', {}, pill(status)), h('td', {}, detail));
  const model = r.model;
  return h(
    'div',
    {},
    h(
      'p',
      {},
      'Overall ',
      h('span', { class: `pill ${STATUS_CLASS[r.status] ?? ''}`, 'data-testid': 'replay-status' }, r.status),
      ` · decided ${when(r.decidedAt)}`,
    ),
    h(
      'table',
      { 'data-testid': 'replay-table' },
      h(
        'tbody',
        {},
        row(
          'policy',
          r.policy.status,
          `v${r.policy.version}: ${r.policy.stored} → ${r.policy.replayed ?? '—'} ${r.policy.ruleChanges.join(' ')} ${r.policy.reason ?? ''}`,
        ),
        row(
          'model',
          model.status,
          `${model.modelVersion}: ${pct(model.storedPd)} ${model.storedGrade} → ${model.replayedPd === null ? '—' : `${pct(model.replayedPd)} ${model.replayedGrade}`} ${model.reason ?? ''}`,
        ),
        row(
          'graph',
          r.graph.status,
          r.graph.changes.length > 0
            ? r.graph.changes.map((c) => `${c.feature}: ${c.stored} → ${c.replayed}`).join('; ')
            : `as of ${r.graph.asOf ?? '—'} ${r.graph.reason ?? ''}`,
        ),
      ),
    ),
  );
}
