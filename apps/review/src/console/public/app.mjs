import { adoptSsoSession, api, logout, session } from './api.mjs';
import { h } from './dom.mjs';
import { renderCase } from './case-page.mjs';
import { renderDashboard } from './dashboard-page.mjs';
import { renderLogin } from './login-page.mjs';
import { renderModels } from './models-page.mjs';
import { renderPolicies } from './policy-page.mjs';
import { renderQueue } from './queue-page.mjs';
import { renderResolution } from './resolution-page.mjs';

const PAGES = [
  { path: 'queue', title: 'Queue', roles: null, render: renderQueue },
  { path: 'dashboard', title: 'Dashboard', roles: null, render: renderDashboard },
  { path: 'policy', title: 'Policy', roles: ['risk_manager', 'auditor', 'admin'], render: renderPolicies },
  { path: 'models', title: 'Models', roles: ['risk_manager', 'auditor', 'admin'], render: renderModels },
  {
    path: 'resolution',
    title: 'Entity resolution',
    roles: ['senior_officer', 'risk_manager', 'admin'],
    render: renderResolution,
  },
];

function nav(user, current) {
  const navEl = document.getElementById('nav');
  navEl.replaceChildren(
    ...PAGES.filter((p) => !p.roles || p.roles.includes(user.role)).map((p) =>
      h(
        'a',
        { href: `#/${p.path}`, class: p.path === current ? 'active' : '', 'data-testid': `nav-${p.path}` },
        p.title,
      ),
    ),
  );
  document.getElementById('who').replaceChildren(
    `${user.displayName ?? user.username} (${user.role.replace('_', ' ')})`,
    h(
      'button',
      {
        class: 'secondary',
        'data-testid': 'logout',
        onclick: async () => {
          await logout();
          location.hash = '#/login';
        },
      },
      'Log out',
    ),
  );
}

async function route() {
  const main = document.getElementById('main');
  const [, page, id] = location.hash.split('/');
  const s = session.get();
  if (!s || page === 'login' || !page) {
    if (!s || page === 'login') {
      document.getElementById('nav').replaceChildren();
      document.getElementById('who').replaceChildren();
      return renderLogin(main, (result) => {
        session.set(result);
        location.hash = '#/queue';
      });
    }
    location.hash = '#/queue';
    return undefined;
  }
  nav(s.user, page);
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    if (page === 'case') return await renderCase(main, id, s.user);
    const target = PAGES.find((p) => p.path === page) ?? PAGES[0];
    return await target.render(main, s.user);
  } catch (e) {
    main.replaceChildren(h('p', { class: 'error', 'data-testid': 'page-error' }, `${e.code ?? 'ERROR'}: ${e.message}`));
    return undefined;
  }
}

async function start() {
  // A failed adoption leaves no session: the sign-in page shows.
  await adoptSsoSession().catch(() => false);
  window.addEventListener('hashchange', () => void route());
  await route();
}

void start();
export { api };
