import type { Permissions, Session, SignInOptions } from './auth.types';
import { request, session } from './http';
import { post } from './review-client';

export function login(username: string, password: string): Promise<Session> {
  return post('/auth/login', { body: { username, password }, anonymous: true });
}

/** Which sign-in methods the service offers. */
export async function signInOptions(): Promise<SignInOptions> {
  try {
    return await request<SignInOptions>('/auth/config', { anonymous: true });
  } catch {
    return { password: true, sso: false };
  }
}

export function permissions(): Promise<Permissions> {
  return request<Permissions>('/auth/permissions');
}

/**
 * After single sign-on the service lands the browser on `/console/#sso` with the finished
 * sign-in in an HttpOnly cookie only this browser holds; it is collected once and kept like a
 * password sign-in's. No token ever travels in a URL. Resolves to whether a session was adopted.
 */
export async function adoptSsoSession(): Promise<boolean> {
  if (location.hash !== '#sso') {
    return false;
  }
  history.replaceState(null, '', `${location.pathname}${location.search}#/queue`);
  const res = await fetch('/auth/oidc/session', { method: 'POST' });
  if (!res.ok) {
    return false;
  }
  session.set((await res.json()) as Session);
  return true;
}

/** Ends the session on the server (its token answers 401 from now on), then forgets it. */
export async function logout(): Promise<void> {
  const s = session.get();
  session.clear();
  if (s) {
    await fetch('/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${s.token}` } }).catch(
      () => undefined,
    );
  }
}
