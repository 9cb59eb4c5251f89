/** The console's only door to the review API: bearer token from the session, errors as exceptions. */
const KEY = 'loanmesh.session';

export const session = {
  get() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    } catch {
      return null;
    }
  },
  set(value) {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? 'HTTP_ERROR';
  }
}

/** Access tokens live minutes: refresh one that ends within this margin before using it. */
const REFRESH_MARGIN_MS = 120_000;

async function freshSession() {
  const s = session.get();
  if (!s?.expiresAt || Date.parse(s.expiresAt) - Date.now() > REFRESH_MARGIN_MS) return s;
  const res = await fetch('/auth/refresh', { method: 'POST', headers: { authorization: `Bearer ${s.token}` } });
  if (!res.ok) return s;
  const next = { ...s, ...(await res.json()) };
  session.set(next);
  return next;
}

/**
 * After single sign-on the service lands the browser on `/console/#sso` with the finished sign-in
 * in an HttpOnly cookie only this browser holds; it is collected once (`POST /auth/oidc/session`)
 * and kept like a password sign-in's. No token ever travels in a URL. Resolves to whether a
 * session was adopted.
 */
export async function adoptSsoSession() {
  if (location.hash !== '#sso') return false;
  history.replaceState(null, '', `${location.pathname}${location.search}#/queue`);
  const res = await fetch('/auth/oidc/session', { method: 'POST' });
  if (!res.ok) return false;
  session.set(await res.json());
  return true;
}

/** Which sign-in methods the service offers: `{ password, sso, ssoLoginUrl }`. */
export async function signInOptions() {
  try {
    return await api('/auth/config');
  } catch {
    return { password: true, sso: false };
  }
}

/** Ends the session on the server (its token answers 401 from now on), then forgets it. */
export async function logout() {
  const s = session.get();
  session.clear();
  if (s) {
    await fetch('/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${s.token}` } }).catch(() => {});
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  const s = path === '/auth/login' || path === '/auth/config' ? session.get() : await freshSession();
  const res = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json', ...(s ? { authorization: `Bearer ${s.token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 401 && s) {
    session.clear();
    location.hash = '#/login';
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}
