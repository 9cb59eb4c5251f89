import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** HTTP behind an adapter, so a tool's tests need no server; `actor` is the person acting, if any. */
export type HttpCall = (
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  actor?: string,
) => Promise<{ status: number; body: unknown }>;

/** As long as fetch waits for response headers by default: a retrain's registration takes a while. */
const RESPONSE_TIMEOUT_MS = 300_000;

/**
 * Real HTTP for the operator tools (`npm run models`, `npm run retrain`): `credential` gives each
 * request its service-credential header (subject: the actor).
 *
 * Each request has a connection of its own (no keep-alive agent). A tool makes a handful of
 * requests with long pauses between them (a retrain trains for minutes between two), and a
 * pooled connection reused just as the server closes it for idleness fails with ECONNRESET
 * (seen in the retrain integration test, where a long synchronous step held back both sides'
 * idle timers). A fresh connection per request costs nothing at this rate.
 */
export const fetchHttpWith =
  (credential: (actor?: string) => Record<string, string>): HttpCall =>
  (method, url, body, actor) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const target = new URL(url);
      const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
        target,
        {
          method,
          agent: false,
          timeout: RESPONSE_TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            ...(payload ? { 'content-length': String(payload.length) } : {}),
            ...credential(actor),
          },
        },
        (res) => {
          readBody(res).then(
            (text) => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null }),
            reject,
          );
        },
      );
      request.on('timeout', () =>
        request.destroy(new Error(`${method} ${url}: no response in ${RESPONSE_TIMEOUT_MS} ms`)),
      );
      request.on('error', reject);
      request.end(payload);
    });

async function readBody(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
