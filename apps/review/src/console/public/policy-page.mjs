import { api } from './api.mjs';
import { h, toast, when } from './dom.mjs';

export async function renderPolicies(main, user) {
  const versions = await api('/policies');
  const active = versions.find((v) => v.status === 'ACTIVE');
  const reload = () => renderPolicies(main, user).catch((e) => toast(e.message, true));
  const canEdit = user.role === 'risk_manager';
  const cards = versions.map((v) => {
    const result = h('div', { 'data-testid': `backtest-${v.version}` });
    return h(
      'div',
      { class: 'card', 'data-testid': 'policy-version' },
      h('h2', {}, `Version ${v.version} `, h('span', { class: `pill ${v.status === 'ACTIVE' ? 'ok' : ''}` }, v.status)),
      h('p', {}, v.note),
      h(
        'p',
        { class: 'muted' },
        `by ${v.createdBy} ${when(v.createdAt)}${v.activatedBy ? `; activated by ${v.activatedBy} ${when(v.activatedAt)}` : ''}`,
      ),
      v.diffAgainstActive.length === 0
        ? h('p', { class: 'muted' }, 'Same rules as the active version.')
        : h(
            'table',
            {},
            h('tr', {}, h('th', {}, 'Rule'), h('th', {}, 'Active'), h('th', {}, 'This version')),
            v.diffAgainstActive.map((d) =>
              h('tr', {}, h('td', {}, d.path), h('td', {}, JSON.stringify(d.from)), h('td', {}, JSON.stringify(d.to))),
            ),
          ),
      canEdit && v.status === 'DRAFT'
        ? h(
            'p',
            {},
            h(
              'button',
              {
                class: 'secondary',
                'data-testid': 'backtest',
                onclick: async () => {
                  const r = await api(`/policies/${v.id}/backtest`, { method: 'POST' });
                  result.replaceChildren(
                    `${r.changed} of ${r.evaluated} past applications would change outcome `,
                    JSON.stringify(r.transitions),
                  );
                },
              },
              'Backtest',
            ),
            ' ',
            h(
              'button',
              {
                'data-testid': 'activate',
                onclick: async () => {
                  try {
                    await api(`/policies/${v.id}/activate`, { method: 'POST' });
                    toast('Activated');
                    await reload();
                  } catch (e) {
                    toast(`${e.code}: ${e.message}`, true);
                  }
                },
              },
              'Activate',
            ),
          )
        : '',
      result,
    );
  });
  const editor = h(
    'textarea',
    { class: 'rules-editor', 'data-testid': 'draft-rules' },
    JSON.stringify(active?.rules ?? {}, null, 2),
  );
  const note = h('input', { placeholder: 'What changes and why', 'data-testid': 'draft-note' });
  main.replaceChildren(
    h('h1', {}, 'Decision policy'),
    h(
      'p',
      { class: 'muted' },
      'Maker/checker: a draft must be activated by a different risk manager. Backtest replays stored automatic decisions.',
    ),
    canEdit
      ? h(
          'div',
          { class: 'card' },
          h('h2', {}, 'New draft'),
          editor,
          note,
          h(
            'p',
            {},
            h(
              'button',
              {
                'data-testid': 'save-draft',
                onclick: async () => {
                  try {
                    await api('/policies', {
                      method: 'POST',
                      body: { rules: JSON.parse(editor.value), note: note.value },
                    });
                    toast('Draft saved');
                    await reload();
                  } catch (e) {
                    toast(e.message, true);
                  }
                },
              },
              'Save draft',
            ),
          ),
        )
      : '',
    ...cards,
  );
}
