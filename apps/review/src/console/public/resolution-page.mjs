import { api } from './api.mjs';
import { h, pct, toast, when } from './dom.mjs';

const DECIDERS = ['senior_officer', 'risk_manager'];
const STATUSES = ['PENDING', 'AUTO_LINKED', 'CONFIRMED', 'REJECTED', 'ALL'];
const STATUS_CLASS = { PENDING: 'warn', AUTO_LINKED: '', CONFIRMED: 'ok', REJECTED: 'bad' };

/**
 * The merge queue for entity resolution: pairs the graph service scored in the grey zone
 * (PENDING) or linked on its own (AUTO_LINKED). A senior officer or risk manager confirms a
 * pair (the two records become one party in the graph) or rejects it (the link is removed).
 */
export async function renderResolution(main, user, status = 'PENDING') {
  const { candidates } = await api(`/graph/entity-resolution/candidates?status=${status}&limit=200`);
  const canDecide = DECIDERS.includes(user.role);
  const reload = (next = status) => renderResolution(main, user, next).catch((e) => toast(e.message, true));
  const decide = async (c, verdict) => {
    try {
      await api(`/graph/entity-resolution/candidates/${encodeURIComponent(c.id)}/${verdict}`, { method: 'POST' });
      toast(verdict === 'confirm' ? 'Merge confirmed' : 'Merge rejected');
      await reload();
    } catch (e) {
      toast(`${e.code}: ${e.message}`, true);
    }
  };
  const party = (p) => h('div', {}, h('strong', {}, p?.name ?? '—'), h('div', { class: 'muted' }, p?.id ?? ''));
  const evidence = (c) =>
    [
      c.samePhone ? 'same phone' : '',
      c.sameAddress ? 'same address' : '',
      c.sameBirthYear ? 'same birth year' : '',
    ].filter(Boolean);
  const rows = candidates.map((c) =>
    h(
      'tr',
      { 'data-testid': 'candidate-row', 'data-candidate': c.id },
      h('td', {}, c.kind),
      h('td', {}, party(c.a)),
      h('td', {}, party(c.b)),
      h('td', {}, `${c.rule} · ${Number(c.score).toFixed(2)}`),
      h('td', {}, pct(c.nameSimilarity), ' name match'),
      h('td', {}, evidence(c).join(', ') || '—'),
      h(
        'td',
        {},
        h('span', { class: `pill ${STATUS_CLASS[c.status] ?? ''}`, 'data-testid': 'candidate-status' }, c.status),
      ),
      h('td', {}, c.decidedBy ? `${c.decidedBy}, ${when(c.decidedAt)}` : ''),
      h(
        'td',
        {},
        canDecide && (c.status === 'PENDING' || c.status === 'AUTO_LINKED')
          ? [
              h('button', { 'data-testid': 'candidate-confirm', onclick: () => void decide(c, 'confirm') }, 'Confirm'),
              ' ',
              h(
                'button',
                { class: 'secondary', 'data-testid': 'candidate-reject', onclick: () => void decide(c, 'reject') },
                'Reject',
              ),
            ]
          : '',
      ),
    ),
  );
  const filter = h(
    'select',
    { 'data-testid': 'candidate-filter', class: 'auto-width', onchange: (e) => void reload(e.target.value) },
    STATUSES.map((s) => h('option', { value: s, selected: s === status }, s.replace('_', ' '))),
  );
  main.replaceChildren(
    h(
      'div',
      { class: 'card', 'data-testid': 'resolution' },
      h('h1', {}, `Entity resolution (${candidates.length})`),
      h(
        'p',
        { class: 'muted' },
        'Records the graph service thinks may be the same company or person. Confirming merges them in the graph ',
        '(their shared phones and addresses stop counting as links between different parties); rejecting keeps them apart.',
        canDecide ? '' : ' Read-only for your role.',
      ),
      h('p', {}, 'Show ', filter),
      candidates.length === 0
        ? h('p', { 'data-testid': 'candidates-empty' }, 'No candidates with this status.')
        : h(
            'table',
            { 'data-testid': 'candidates' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Kind', 'Record A', 'Record B', 'Rule · score', 'Names', 'Evidence', 'Status', 'Decided', ''].map(
                  (t) => h('th', {}, t),
                ),
              ),
            ),
            h('tbody', {}, rows),
          ),
    ),
  );
}
