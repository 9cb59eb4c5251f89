import { api } from './api.mjs';
import { h, money, pct, when } from './dom.mjs';

const STATUS_CLASS = { OPEN: '', CLAIMED: 'warn', AWAITING_CONFIRMATION: 'bad' };

export async function renderQueue(main) {
  const items = await api('/cases');
  const rows = items.map((c) =>
    h(
      'tr',
      { class: c.slaBreached ? 'breached' : '', 'data-testid': 'queue-row', 'data-application': c.applicationId },
      h('td', {}, h('a', { href: `#/case/${c.id}`, 'data-testid': 'open-case' }, c.applicationId)),
      h('td', {}, c.companyId),
      h('td', {}, money(c.amount)),
      h('td', {}, c.probabilityOfDefault === null ? 'not scored' : `${c.riskGrade} · ${pct(c.probabilityOfDefault)}`),
      h('td', {}, money(c.expectedLoss)),
      h('td', {}, h('span', { class: `pill ${STATUS_CLASS[c.status] ?? ''}` }, c.status.replace('_', ' '))),
      h('td', {}, c.assignee ?? '—'),
      h('td', {}, when(c.slaDeadline), c.slaBreached ? h('span', { class: 'pill bad' }, ' SLA breached') : ''),
      h('td', {}, c.fourEyesRequired ? h('span', { class: 'pill warn' }, 'four-eyes') : ''),
      h('td', {}, c.ruleHits.join(', ')),
    ),
  );
  main.replaceChildren(
    h(
      'div',
      { class: 'card' },
      h('h1', {}, `Review queue (${items.length})`),
      h(
        'p',
        { class: 'muted' },
        'Ordered by priority: expected loss (PD × amount; the whole amount when not scored) weighted by how much of the SLA window has passed.',
      ),
      items.length === 0
        ? h('p', { 'data-testid': 'queue-empty' }, 'No cases waiting.')
        : h(
            'table',
            { 'data-testid': 'queue' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...[
                  'Application',
                  'Company',
                  'Amount',
                  'Grade · PD',
                  'Expected loss',
                  'Status',
                  'Assignee',
                  'SLA deadline',
                  '',
                  'Rule hits',
                ].map((t) => h('th', {}, t)),
              ),
            ),
            h('tbody', {}, rows),
          ),
    ),
  );
}
