import { LOCAL_ENV } from '@loanmesh/config';
import { type ApplicationAccounting, applicationAccountingSchema } from '@loanmesh/contracts';

import { provisionReviewUser } from '../../apps/review/src/testing/review-user.factory';

/** The demo's review service. */
export const DEMO_REVIEW_URL = 'http://127.0.0.1:3004';
/** A machine account (auditor) the tools read the accounting as; its password is new each run. */
const READER = 'accounting-reader';

/**
 * Reads `GET /applications/accounting` of the review service as an auditor account it
 * provisions itself in review's database (no seeded users exist).
 */
export class ReviewAccountingClient {
  private token?: string;
  private password?: string;

  constructor(
    private readonly baseUrl = DEMO_REVIEW_URL,
    private readonly databaseUrl = LOCAL_ENV.DATABASE_URL,
    private readonly username = READER,
  ) {}

  async ofRun(run: number): Promise<ApplicationAccounting> {
    const res = await fetch(`${this.baseUrl}/applications/accounting?run=${run}`, {
      headers: { authorization: `Bearer ${await this.login()}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 401) {
      // Access tokens live 15 minutes: sign in again on the next attempt.
      this.token = undefined;
    }
    if (!res.ok) {
      throw new Error(`GET /applications/accounting answered ${res.status}: ${await res.text()}`);
    }
    return applicationAccountingSchema.parse(await res.json());
  }

  private async login(): Promise<string> {
    if (this.token === undefined) {
      this.password ??= await provisionReviewUser(this.databaseUrl, this.username, 'auditor');
      const res = await fetch(`${this.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: this.username, password: this.password }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) {
        throw new Error(`login as ${this.username} answered ${res.status}`);
      }
      this.token = ((await res.json()) as { token: string }).token;
    }
    return this.token;
  }
}

/**
 * Polls the run's accounting until everything the feed published has been received and
 * none of it is in flight, or the timeout passes; resolves to the last answer. A failed
 * read (a service restarting) is retried until the deadline.
 */
export async function waitUntilAccounted(
  client: ReviewAccountingClient,
  run: number,
  published: number,
  timeoutMs: number,
  onProgress?: (a: ApplicationAccounting) => void,
): Promise<ApplicationAccounting> {
  const deadline = Date.now() + timeoutMs;
  let last: ApplicationAccounting | undefined;
  let failure: unknown;
  for (;;) {
    try {
      last = await client.ofRun(run);
      onProgress?.(last);
      if (last.sent >= published && last.inFlight === 0) {
        return last;
      }
    } catch (e) {
      failure = e;
    }
    if (Date.now() >= deadline) {
      if (last) {
        return last;
      }
      throw failure instanceof Error ? failure : new Error('no accounting answer before the deadline');
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
