import { api } from './api.mjs';
import { h, toast, when } from './dom.mjs';

const TARGETS = ['challenger', 'champion', 'retired'];

/**
 * The model catalogue and maker/checker promotion: one risk manager requests a promotion,
 * another approves it (the inference service refuses the requester's own approval).
 */
export async function renderModels(main, user) {
  const catalog = await api('/models');
  const requests = await api('/models/promotion-requests?status=all').catch(() => undefined);
  const isRiskManager = user?.role === 'risk_manager';
  const reload = () => renderModels(main, user).catch((e) => toast(e.message, true));
  const post = async (path, body, done) => {
    try {
      await api(path, { method: 'POST', body });
      toast(done);
      await reload();
    } catch (e) {
      toast(`${e.code}: ${e.message}`, true);
    }
  };
  const models = catalog.available && Array.isArray(catalog.models) ? catalog.models : [];
  const requestForm = (m) => {
    const target = h('select', {}, ...TARGETS.map((t) => h('option', { value: t }, t)));
    const reason = h('input', { placeholder: 'reason', maxlength: '500' });
    return h(
      'span',
      {},
      target,
      ' ',
      reason,
      ' ',
      h(
        'button',
        {
          'data-testid': 'promotion-request',
          onclick: () =>
            void post(
              `/models/${encodeURIComponent(m.id)}/promotion-requests`,
              { to: target.value, reason: reason.value },
              'Promotion requested: another risk manager must approve it',
            ),
        },
        'Request promotion',
      ),
    );
  };
  main.replaceChildren(
    h(
      'div',
      { class: 'card', 'data-testid': 'models' },
      h('h1', {}, 'Models'),
      catalog.available
        ? h(
            'table',
            {},
            h('tr', {}, h('th', {}, 'model'), h('th', {}, 'state'), h('th', {}, isRiskManager ? 'promotion' : '')),
            ...models.map((m) =>
              h('tr', {}, h('td', {}, m.label), h('td', {}, m.state), h('td', {}, isRiskManager ? requestForm(m) : '')),
            ),
          )
        : h(
            'p',
            { class: 'muted', 'data-testid': 'models-unavailable' },
            `The inference service (${catalog.source}) is not reachable; the model list is unavailable.`,
          ),
    ),
    h(
      'div',
      { class: 'card', 'data-testid': 'promotion-requests' },
      h('h2', {}, 'Promotion requests'),
      requests
        ? h(
            'table',
            {},
            h('tr', {}, ...['model', 'to', 'reason', 'requested', 'approved', ''].map((c) => h('th', {}, c))),
            ...requests.requests.map((r) =>
              h(
                'tr',
                {},
                h('td', {}, models.find((m) => m.id === r.modelId)?.name ?? r.modelId),
                h('td', {}, r.to),
                h('td', {}, r.reason),
                h('td', {}, `${r.requestedBy}, ${when(r.requestedAt)}`),
                h('td', {}, r.approvedBy ? `${r.approvedBy}, ${when(r.approvedAt)}` : ''),
                h(
                  'td',
                  {},
                  isRiskManager && !r.approvedBy && r.requestedBy !== user.username
                    ? h(
                        'button',
                        {
                          'data-testid': 'promotion-approve',
                          onclick: () =>
                            void post(
                              `/models/promotion-requests/${encodeURIComponent(r.id)}/approve`,
                              {},
                              'Promotion approved',
                            ),
                        },
                        'Approve',
                      )
                    : '',
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'Promotion requests are unavailable.'),
    ),
  );
}
