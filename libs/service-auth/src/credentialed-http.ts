/** HTTP behind an adapter, so a tool's tests need no server; `actor` is the person acting, if any. */
export type HttpCall = (
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  actor?: string,
) => Promise<{ status: number; body: unknown }>;

/**
 * Real HTTP for the operator tools (`npm run models`, `npm run retrain`): `credential` gives each
 * request its service-credential header (subject: the actor).
 */
export const fetchHttpWith =
  (credential: (actor?: string) => Record<string, string>): HttpCall =>
  async (method, url, body, actor) => {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...credential(actor) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
