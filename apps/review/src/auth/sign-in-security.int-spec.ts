import { randomBytes } from 'node:crypto';

import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { Topics } from '@loanmesh/contracts';
import { KafkaTestClient, waitFor } from '@loanmesh/testing';

import { DecisionEntity } from '../decisions/decision.entity';
import { CONSOLE_CSP } from '../security-headers/security-headers.middleware';
import { scoredEvent } from '../testing/scored-event.factory';
import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { UsersService } from '../users/users.service';

jest.setTimeout(120000);

const SECRET = randomBytes(32).toString('hex');
const ISSUER = 'loanmesh-review';
const AUDIENCE = 'loanmesh-review-console';

interface LoginAnswer {
  status: number;
  body: { token?: string; code?: string; message?: string };
  retryAfter: string | null;
}

describe('sign-in, sessions and tokens (real PostgreSQL)', () => {
  let t: ReviewTestApp;
  let users: UsersService;

  beforeAll(async () => {
    t = await startReviewTestApp({
      JWT_SECRET: SECRET,
      // Tests send X-Forwarded-For to act as distinct clients behind one trusted proxy.
      TRUSTED_PROXY_HOPS: '1',
      LOGIN_MAX_FAILURES_PER_USER: '5',
      LOGIN_MAX_FAILURES_PER_IP: '12',
      LOGIN_LOCKOUT_SECONDS: '600',
      LOGIN_HASH_QUEUE: '100',
    });
    users = t.app.get(UsersService);
  });

  afterAll(async () => {
    await t.close();
  });

  const login = async (username: string, password: string, ip = '10.0.0.1'): Promise<LoginAnswer> => {
    const res = await fetch(`${t.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ username, password }),
    });
    return {
      status: res.status,
      body: (await res.json()) as LoginAnswer['body'],
      retryAfter: res.headers.get('retry-after'),
    };
  };
  const me = (token: string) => t.call(token, 'GET', '/auth/me');
  const claimsOf = (token: string) => jwt.decode(token) as { sub: string; sid: string };
  const mint = (token: string, overrides: { secret?: string; audience?: string; issuer?: string; exp?: number }) => {
    const { sub, sid } = claimsOf(token);
    return jwt.sign({ sid, exp: overrides.exp ?? Math.floor(Date.now() / 1000) + 600 }, overrides.secret ?? SECRET, {
      algorithm: 'HS256',
      subject: sub,
      issuer: overrides.issuer ?? ISSUER,
      audience: overrides.audience ?? AUDIENCE,
    });
  };

  it('should start with no users when the database is fresh', async () => {
    await expect(users.list()).resolves.toEqual([]);
  });

  it('should accept a token minted with the right secret, audience and issuer and refuse each variation', async () => {
    const token = await t.login('officer1');
    expect((await me(mint(token, {}))).status).toBe(200);

    expect((await me(mint(token, { secret: randomBytes(32).toString('hex') }))).status).toBe(401);
    expect((await me(mint(token, { audience: 'loanmesh-graph' }))).status).toBe(401);
    expect((await me(mint(token, { issuer: 'someone-else' }))).status).toBe(401);
    expect((await me(mint(token, { exp: Math.floor(Date.now() / 1000) - 5 }))).status).toBe(401);
    expect((await me(jwt.sign({ sid: claimsOf(token).sid }, '', { algorithm: 'none' }))).status).toBe(401);
  });

  it('should refuse a disabled user with 401 on the very next request', async () => {
    const token = await t.login('officer2');
    expect((await me(token)).status).toBe(200);

    await users.disable('officer2', 'test');

    expect((await me(token)).status).toBe(401);
    await users.enable('officer2', 'test');
    // Disabling revoked the session: enabling the user does not bring the old token back.
    expect((await me(token)).status).toBe(401);
  });

  it('should apply a role change on the next request when the users table changes', async () => {
    await t.addUser('risk-to-auditor', 'risk_manager');
    const token = await t.login('risk-to-auditor');
    expect((await t.call(token, 'GET', '/labels/export')).status).toBe(200);
    expect((await t.call(token, 'GET', '/audit/security-events')).status).toBe(403);

    await users.setRole('risk-to-auditor', 'auditor', 'test');

    expect((await t.call(token, 'GET', '/labels/export')).status).toBe(403);
    expect((await t.call(token, 'GET', '/audit/security-events')).status).toBe(200);
    expect(((await me(token)).body as { role: string }).role).toBe('auditor');
  });

  it('should answer 401 to a token after its session signed out, and keep other sessions', async () => {
    const first = await t.login('senior1');
    const second = await t.login('senior1');

    expect((await t.call(first, 'POST', '/auth/logout')).status).toBe(204);

    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
  });

  it('should refresh within the session and not after it is revoked', async () => {
    const token = await t.login('senior2');
    const refreshed = (await t.call(token, 'POST', '/auth/refresh')).body as { token: string; expiresAt: string };
    expect(claimsOf(refreshed.token).sid).toBe(claimsOf(token).sid);
    expect((await me(refreshed.token)).status).toBe(200);

    await users.revokeSessions('senior2', 'test');

    expect((await me(refreshed.token)).status).toBe(401);
    expect((await t.call(token, 'POST', '/auth/refresh')).status).toBe(401);
  });

  it('should give an unknown user and a wrong password the same answer', async () => {
    await t.addUser('known-user', 'officer');

    const unknown = await login('nobody-here', 'some-wrong-password', '10.0.1.1');
    const wrong = await login('known-user', 'some-wrong-password', '10.0.1.2');

    expect(unknown.status).toBe(401);
    expect({ ...wrong.body, correlationId: undefined }).toEqual({ ...unknown.body, correlationId: undefined });
    expect(wrong.status).toBe(unknown.status);
  });

  it('should lock a flooded user name with 429 and Retry-After before bcrypt while decisions keep flowing', async () => {
    const kafka = new KafkaTestClient();
    try {
      const password = await t.addUser('flooded', 'officer');
      const event = scoredEvent();
      const applicationId = event.payload.application.applicationId;

      const firstFive = [];
      for (let i = 0; i < 5; i += 1) {
        firstFive.push((await login('flooded', `wrong-password-${i}`, `10.1.0.${i}`)).status);
      }
      await kafka.produce(Topics.applicationScored, [{ key: applicationId, value: JSON.stringify(event) }]);
      const started = Date.now();
      const flood = await Promise.all(
        Array.from({ length: 60 }, (_, i) => login('flooded', `wrong-password-${i}`, `10.2.${i}.1`)),
      );
      const floodMs = Date.now() - started;
      const correct = await login('flooded', password, '10.3.0.1');

      expect(firstFive).toEqual([401, 401, 401, 401, 401]);
      expect(new Set(flood.map((r) => r.status))).toEqual(new Set([429]));
      expect(Number(flood[0].retryAfter)).toBeGreaterThan(500);
      expect(correct.status).toBe(429);
      // 60 bcrypt comparisons one at a time would take ~15 s: the locked name costs a query each.
      expect(floodMs).toBeLessThan(8000);
      const decided = await waitFor(
        async () =>
          (await t.app.get(DataSource).getRepository(DecisionEntity).findOneBy({ applicationId })) ?? undefined,
        30000,
        'the decision made during the flood',
      );
      expect(decided.automatic).toBe(true);

      const auditor = await t.login('auditor1');
      const events = (
        (await t.call(auditor, 'GET', '/audit/security-events?username=flooded&limit=500')).body as {
          events: { type: string; reason: string | null }[];
        }
      ).events;
      expect(events.filter((e) => e.type === 'LOCKED_OUT')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'SIGN_IN_FAILED' && e.reason === 'BAD_PASSWORD')).toHaveLength(5);
      // Every refused attempt was refused by the lock (and logged so), none by running out of hash slots.
      expect(events.filter((e) => e.type === 'SIGN_IN_FAILED' && e.reason === 'LOCKED')).toHaveLength(61);
    } finally {
      await kafka.close();
    }
  });

  it('should throttle a client address that fails across many user names', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 13; i += 1) {
      statuses.push((await login(`spray-${i}`, 'a-wrong-password', '10.9.9.9')).status);
    }
    const elsewhere = await login('spray-0', 'a-wrong-password', '10.9.9.10');

    expect(statuses.slice(0, 12)).toEqual(Array(12).fill(401));
    expect(statuses[12]).toBe(429);
    expect(elsewhere.status).toBe(401);
  });

  it('should log sign-in, failures and account changes for auditors and admins only', async () => {
    const auditor = await t.login('auditor1');
    const officer = await t.login('officer1');
    const page = (await t.call(auditor, 'GET', '/audit/security-events?limit=500')).body as {
      events: { type: string; username: string; reason: string | null }[];
    };
    const types = new Set(page.events.map((e) => e.type));
    for (const type of ['SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'LOCKED_OUT', 'USER_ADDED', 'USER_DISABLED']) {
      expect(types).toContain(type);
    }
    expect(types).toContain('USER_ROLE_CHANGED');
    expect(page.events.find((e) => e.type === 'SIGN_IN_FAILED' && e.username === 'nobody-here')?.reason).toBe(
      'UNKNOWN_USER',
    );
    expect(JSON.stringify(page)).not.toMatch(/wrong-password|\$2[aby]\$/);
    const firstTwo = (await t.call(auditor, 'GET', '/audit/security-events?limit=2')).body as {
      events: { seq: string }[];
      nextBefore: string;
    };
    const next = (await t.call(auditor, 'GET', `/audit/security-events?limit=2&before=${firstTwo.nextBefore}`))
      .body as { events: { seq: string }[] };
    expect(Number(next.events[0].seq)).toBeLessThan(Number(firstTwo.events[1].seq) + 1);
    expect((await t.call(officer, 'GET', '/audit/security-events')).status).toBe(403);
    const future = new Date(Date.now() + 3600_000).toISOString();
    const none = (await t.call(auditor, 'GET', `/audit/security-events?from=${encodeURIComponent(future)}`)).body as {
      events: unknown[];
    };
    expect(none.events).toEqual([]);
  });

  it('should refuse to rewrite or truncate the security log, as the service and as the owner', async () => {
    // The service's role has no UPDATE, DELETE or TRUNCATE on it; the owner role, which could
    // grant itself anything, still meets the append-only trigger.
    const ds = t.app.get(DataSource);
    await expect(ds.query('UPDATE review.security_events SET username = $1', ['x'])).rejects.toThrow(
      /permission denied/,
    );
    await expect(ds.query('DELETE FROM review.security_events')).rejects.toThrow(/permission denied/);
    await expect(ds.query('TRUNCATE review.security_events')).rejects.toThrow(/permission denied/);
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query('UPDATE review.security_events SET username = $1', ['x'])).rejects.toThrow(
        /append-only/,
      );
      await expect(owner.query('DELETE FROM review.security_events')).rejects.toThrow(/append-only/);
      await expect(owner.query('TRUNCATE review.security_events')).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });
});

describe('security headers of review (real HTTP)', () => {
  let t: ReviewTestApp;

  beforeAll(async () => {
    t = await startReviewTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should send a strict content security policy and no-framing on the console', async () => {
    const res = await fetch(`${t.url}/console/`);
    const csp = res.headers.get('content-security-policy') ?? '';

    expect(res.status).toBe(200);
    expect(csp).toBe(CONSOLE_CSP);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|\son[a-z]+=/i);
  });

  it('should mark API answers no-store and unframeable, errors included', async () => {
    const token = await t.login('officer1');
    for (const res of [
      await fetch(`${t.url}/auth/me`, { headers: { authorization: `Bearer ${token}` } }),
      await fetch(`${t.url}/cases`),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
