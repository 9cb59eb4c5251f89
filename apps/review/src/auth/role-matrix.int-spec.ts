import { randomUUID } from 'node:crypto';

import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, ModulesContainer, Reflector } from '@nestjs/core';

import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { ROLES, type Role } from './role';
import { roleRuleOf } from './roles.guard';

jest.setTimeout(120000);

const ALL = [...ROLES];
/** The whole matrix, written out: a new route fails the test until it is added here with its roles. */
const EXPECTED: Record<string, 'public' | Role[]> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  // No user role: the service-credential guard admits the metrics token or a service credential only.
  'GET /metrics': 'public',
  'POST /auth/login': 'public',
  'GET /auth/config': 'public',
  'GET /auth/oidc/login': 'public',
  'GET /auth/oidc/callback': 'public',
  'POST /auth/oidc/session': 'public',
  'GET /auth/me': ALL,
  'GET /auth/permissions': ALL,
  'POST /auth/logout': ALL,
  'POST /auth/refresh': ALL,
  'GET /console': 'public',
  'GET /console/*path': 'public',
  'GET /cases': ALL,
  'GET /cases/reasons': ALL,
  'GET /cases/events': ALL,
  'GET /cases/:id': ALL,
  'GET /cases/:id/memo.pdf': ALL,
  'POST /cases/:id/claim': ['officer', 'senior_officer'],
  'POST /cases/:id/release': ['officer', 'senior_officer'],
  'POST /cases/:id/reassign': ['senior_officer', 'admin'],
  'POST /cases/:id/decide': ['officer', 'senior_officer'],
  'POST /cases/:id/confirm': ['senior_officer'],
  'POST /cases/:id/comments': ['officer', 'senior_officer', 'risk_manager'],
  'POST /cases/:id/reopen': ['senior_officer', 'risk_manager'],
  'GET /policies': ['risk_manager', 'auditor', 'admin'],
  'GET /policies/:id': ['risk_manager', 'auditor', 'admin'],
  'POST /policies': ['risk_manager'],
  'POST /policies/:id/backtest': ['risk_manager'],
  'POST /policies/:id/activate': ['risk_manager'],
  'GET /audit/verify': ['auditor', 'risk_manager', 'admin'],
  'GET /audit/export': ['auditor', 'risk_manager', 'admin'],
  'GET /audit/bundle': ['auditor', 'risk_manager', 'admin'],
  'GET /audit/signing-key': ['auditor', 'risk_manager', 'admin'],
  'GET /audit/security-events': ['auditor', 'admin'],
  'GET /labels/export': ['risk_manager', 'admin'],
  'POST /labels/outcomes': ['risk_manager', 'admin'],
  'GET /labelling/kinds': ['officer', 'senior_officer', 'risk_manager'],
  'GET /labelling/tasks': ['officer', 'senior_officer', 'risk_manager'],
  'POST /labelling/tasks': ['senior_officer', 'risk_manager'],
  'POST /labelling/tasks/:id/labels': ['officer', 'senior_officer', 'risk_manager'],
  'POST /labelling/tasks/:id/labels/revise': ['officer', 'senior_officer', 'risk_manager'],
  'POST /labelling/tasks/:id/adjudicate': ['senior_officer', 'risk_manager'],
  'GET /labelling/agreement': ['officer', 'senior_officer', 'risk_manager', 'auditor', 'admin'],
  'GET /dashboard': ALL,
  'GET /graph/applications/:id/ego-graph': ALL,
  'GET /graph/entity-resolution/candidates': ['senior_officer', 'risk_manager', 'admin'],
  'POST /graph/entity-resolution/candidates/:id/confirm': ['senior_officer', 'risk_manager'],
  'POST /graph/entity-resolution/candidates/:id/reject': ['senior_officer', 'risk_manager'],
  'GET /models': ['risk_manager', 'auditor', 'admin'],
  'GET /models/promotion-requests': ['risk_manager', 'auditor', 'admin'],
  'GET /models/comparison': ['risk_manager', 'auditor', 'admin'],
  'GET /models/drift': ['risk_manager', 'auditor', 'admin'],
  'POST /models/:id/promotion-requests': ['risk_manager'],
  'POST /models/promotion-requests/:requestId/approve': ['risk_manager'],
  'GET /decisions/:applicationId/replay': ['risk_manager', 'auditor', 'admin'],
  'GET /applications/accounting': ['senior_officer', 'risk_manager', 'auditor', 'admin'],
  'GET /watchlist': ['officer', 'senior_officer', 'risk_manager', 'auditor', 'admin'],
  'POST /watchlist/:id/acknowledge': ['officer', 'senior_officer', 'risk_manager'],
};

interface Route {
  key: string;
  method: string;
  path: string;
  rule: 'public' | Role[] | undefined;
}

function discoverRoutes(t: ReviewTestApp): Route[] {
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const wrapper of new DiscoveryService(t.app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as Type | null;
    if (!controller || !wrapper.instance) {
      continue;
    }
    const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) as string | string[]).join('');
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (
        name === 'constructor' ||
        typeof handler !== 'function' ||
        Reflect.getMetadata(PATH_METADATA, handler) === undefined
      ) {
        continue;
      }
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) as string);
      const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      routes.push({ key: `${method} ${path}`, method, path, rule: roleRuleOf(reflector, handler, controller) });
    }
  }
  return routes;
}

/** Server-sent event streams never end: their status is read from the headers, then they are closed. */
const STREAMS = new Set(['GET /cases/events']);

async function streamStatus(url: string, token: string | undefined): Promise<number> {
  const stop = new AbortController();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: stop.signal });
  stop.abort();
  return res.status;
}

const bodyFor = (method: string) => (method === 'GET' ? undefined : {});
const concrete = (path: string) => path.replace(/:id/g, randomUUID()).replace('*path', 'index.html');

describe('role-by-route matrix', () => {
  let t: ReviewTestApp;
  let routes: Route[];
  const tokens = {} as Record<Role, string>;
  const userOf: Record<Role, string> = {
    officer: 'officer1',
    senior_officer: 'senior1',
    risk_manager: 'risk1',
    auditor: 'auditor1',
    admin: 'admin1',
  };

  beforeAll(async () => {
    t = await startReviewTestApp();
    routes = discoverRoutes(t);
    for (const role of ROLES) {
      tokens[role] = await t.login(userOf[role]);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('should find a role rule on every route and exactly the routes of the expected matrix', () => {
    expect(routes.filter((r) => r.rule === undefined).map((r) => r.key)).toEqual([]);
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const r of routes) {
      expect({ route: r.key, rule: r.rule }).toEqual({ route: r.key, rule: EXPECTED[r.key] });
    }
  });

  it('should answer 401 without a token and 403 exactly for the roles a route does not admit', async () => {
    const mismatches: string[] = [];
    const statusOf = async (r: Route, token: string | undefined): Promise<{ status: number }> =>
      STREAMS.has(r.key)
        ? { status: await streamStatus(`${t.url}${r.path}`, token) }
        : t.call(token, r.method, concrete(r.path), bodyFor(r.method));
    for (const r of routes.filter((x) => x.rule !== 'public')) {
      const anonymous = await statusOf(r, undefined);
      if (anonymous.status !== 401) {
        mismatches.push(`${r.key} anonymous -> ${anonymous.status}`);
      }
      for (const role of ROLES) {
        // Sign-out ends the session it is called with: it gets a session of its own.
        const token = r.key === 'POST /auth/logout' ? await t.login(userOf[role]) : tokens[role];
        const res = await statusOf(r, token);
        const admitted = (r.rule as Role[]).includes(role);
        if (admitted ? res.status === 403 || res.status === 401 : res.status !== 403) {
          mismatches.push(`${r.key} as ${role} -> ${res.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('should serve public routes without a token, but not the metrics scrape', async () => {
    expect((await t.call(undefined, 'GET', '/metrics')).status).toBe(401);
    // Single sign-on is not configured in this app: its routes exist and answer 404 SSO_DISABLED.
    const ssoOnly = ['GET /auth/oidc/login', 'GET /auth/oidc/callback'];
    for (const r of routes.filter((x) => x.rule === 'public' && x.method === 'GET' && x.key !== 'GET /metrics')) {
      const res = await t.call(undefined, r.method, concrete(r.path));
      const served = ssoOnly.includes(r.key) ? res.status === 404 : res.status < 400 || res.status === 503;
      expect({ route: r.key, status: served }).toEqual({ route: r.key, status: true });
    }
  });
});
