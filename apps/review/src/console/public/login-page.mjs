import { api, signInOptions } from './api.mjs';
import { h } from './dom.mjs';

export async function renderLogin(main, onLoggedIn) {
  const options = await signInOptions();
  const error = h('p', { class: 'error', 'data-testid': 'login-error' });
  const username = h('input', {
    name: 'username',
    autocomplete: 'username',
    'data-testid': 'login-username',
    required: true,
  });
  const password = h('input', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    'data-testid': 'login-password',
    required: true,
  });
  const form = h(
    'form',
    {
      class: 'card login',
      onsubmit: async (e) => {
        e.preventDefault();
        error.textContent = '';
        try {
          onLoggedIn(
            await api('/auth/login', { method: 'POST', body: { username: username.value, password: password.value } }),
          );
        } catch (err) {
          error.textContent = err.message;
        }
      },
    },
    h('h1', {}, 'Sign in'),
    ...(options.sso
      ? [
          h(
            'p',
            {},
            h('a', { class: 'button', href: options.ssoLoginUrl, 'data-testid': 'login-sso' }, 'Sign in with SSO'),
          ),
        ]
      : []),
    ...(options.password
      ? [
          ...(options.sso ? [h('p', { class: 'muted or' }, 'or with a LoanMesh account')] : []),
          h('label', {}, 'User name'),
          username,
          h('label', {}, 'Password'),
          password,
          h('p', {}, h('button', { type: 'submit', 'data-testid': 'login-submit' }, 'Sign in')),
        ]
      : []),
    error,
  );
  main.replaceChildren(form);
  if (options.password) username.focus();
}
