/**
 * The console's only door to the review API: bearer token from the session, errors as
 * exceptions. Every fetch of the console goes through here, so a client generated from the
 * services' OpenAPI description can replace it in one place.
 */
import type { Session } from './auth.types';

const KEY = 'loanmesh.session';
/** Access tokens live minutes: refresh one that ends within this margin before using it. */
const REFRESH_MARGIN_MS = 120_000;

export const session = {
  get(): Session | null {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    } catch {
      return null;
    }
  },
  set(value: Session): void {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function freshSession(): Promise<Session | null> {
  const s = session.get();
  if (!s?.expiresAt || Date.parse(s.expiresAt) - Date.now() > REFRESH_MARGIN_MS) {
    return s;
  }
  const res = await fetch('/auth/refresh', { method: 'POST', headers: { authorization: `Bearer ${s.token}` } });
  if (!res.ok) {
    return s;
  }
  const next = { ...s, ...((await res.json()) as Partial<Session>) };
  session.set(next);
  return next;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Sign-in calls go without refreshing (there may be no session yet). */
  anonymous?: boolean;
  /**
   * A call the user did not make (a reload pushed by the server): it never refreshes the
   * token, so an idle console still signs out when its access token ends (docs/security.md).
   */
  background?: boolean;
}

async function send(
  path: string,
  { method = 'GET', body, anonymous = false, background = false }: RequestOptions,
): Promise<Response> {
  const s = anonymous || background ? session.get() : await freshSession();
  const res = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json', ...(s ? { authorization: `Bearer ${s.token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 401 && s && !anonymous) {
    session.clear();
    location.hash = '#/login';
  }
  return res;
}

function errorOf(status: number, data: unknown): ApiError {
  const body = (data ?? {}) as { code?: unknown; message?: unknown };
  return new ApiError(
    status,
    typeof body.code === 'string' ? body.code : 'HTTP_ERROR',
    typeof body.message === 'string' ? body.message : `HTTP ${status}`,
  );
}

/** A JSON call; the caller names the response type (to be replaced by the generated client's). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    throw errorOf(res.status, data);
  }
  return data as T;
}

/** A binary download (the credit memo PDF) with the session's token. */
export async function download(path: string): Promise<Blob> {
  const res = await send(path, {});
  if (!res.ok) {
    const text = await res.text();
    throw errorOf(res.status, text ? (JSON.parse(text) as unknown) : null);
  }
  return res.blob();
}

/** The bearer token for the event stream (EventSource cannot send headers). */
export async function currentToken(): Promise<string | null> {
  return (await freshSession())?.token ?? null;
}
