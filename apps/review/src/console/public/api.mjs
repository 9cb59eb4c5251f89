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
 * After single sign-on the service redirects to `/console/#sso?token=...&expiresAt=...`: the
 * token is taken out of the address bar (and history) at once, checked with /auth/me and kept
 * like a password sign-in's. Resolves to whether a session was adopted.
 */
export async function adoptSsoSession() {
  if (!location.hash.startsWith('#sso?')) return false;
  const params = new URLSearchParams(location.hash.slice('#sso?'.length));
  history.replaceState(null, '', `${location.pathname}${location.search}#/queue`);
  const token = params.get('token');
  if (!token) return false;
  const res = await fetch('/auth/me', { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return false;
  session.set({
    token,
    expiresAt: params.get('expiresAt'),
    sessionExpiresAt: params.get('sessionExpiresAt'),
    user: await res.json(),
  });
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
