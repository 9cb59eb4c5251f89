import { api } from './api.mjs';
import { h } from './dom.mjs';

export async function renderModels(main) {
  const catalog = await api('/models');
  main.replaceChildren(
    h(
      'div',
      { class: 'card', 'data-testid': 'models' },
      h('h1', {}, 'Models'),
      catalog.available
        ? h('pre', {}, JSON.stringify(catalog.models, null, 2))
        : h(
            'p',
            { class: 'muted', 'data-testid': 'models-unavailable' },
            `The inference service (${catalog.source}) is not reachable; the model list is unavailable.`,
          ),
    ),
  );
}
