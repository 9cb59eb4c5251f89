/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';

import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, ModulesContainer, Reflector } from '@nestjs/core';

import { ROUTE_ACCESS_KEY, type RouteAccess } from '@loanmesh/observability';
import {
  DEV_SERVICE_KEY_ID,
  localServiceHeaders,
  SERVICE_CREDENTIAL_HEADER,
  signCompact,
} from '@loanmesh/service-auth';
import { uniqueId } from '@loanmesh/testing';

import { type GraphTestApp, startGraphTestApp } from '../../apps/graph/src/testing/graph-test.app';
import { type InferenceTestApp, startInferenceApp } from '../../apps/inference/src/testing/inference-test.app';
import { startIngestion, testEnvironment } from '../../apps/ingestion/src/testing/ingestion-test.harness';
import { type ReviewTestApp, startReviewTestApp } from '../../apps/review/src/testing/review-test-app';

jest.setTimeout(180_000);

interface Route {
  service: string;
  key: string;
  method: string;
  path: string;
  access: RouteAccess | undefined;
}

/** Every HTTP route Nest registered in the app, from its controllers' metadata (no hand list). */
function discoverRoutes(service: string, app: INestApplication): Route[] {
  const reflector = app.get(Reflector);
  const routes: Route[] = [];
  for (const wrapper of new DiscoveryService(app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as Type | null;
    if (!controller || !wrapper.instance) {
      continue;
    }
    const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) as string | string[]).join('');
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') {
        continue;
      }
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) {
        continue; // a Kafka handler (@EventPattern), not an HTTP route
      }
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) as string);
      const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      const access = reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_KEY, [handler, controller]);
      routes.push({ service, key: `${service} ${method} ${path}`, method, path, access });
    }
  }
  return routes;
}

const concrete = (path: string): string => path.replace(/:[A-Za-z]+/g, randomUUID());

/** A credential with the development key id and the right claims, signed by another key. */
function forged(audience: string): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  const token = signCompact(
    { alg: 'EdDSA', typ: 'JWT', kid: DEV_SERVICE_KEY_ID },
    { iss: 'review', sub: 'risk1', aud: audience, iat: now, exp: now + 60, jti: randomUUID() },
    generateKeyPairSync('ed25519').privateKey,
  );
  return { [SERVICE_CREDENTIAL_HEADER]: token };
}

const METRICS_TOKEN = `metrics-${randomUUID()}`;

describe('service credentials on every route of graph, inference, ingestion (and review metrics)', () => {
  let graph: GraphTestApp;
  let inference: InferenceTestApp;
  let ingestion: { app: INestApplication; url: string };
  let review: ReviewTestApp;
  let dropIngestionDb: () => Promise<void>;
  const urls: Record<string, string> = {};
  const routes: Route[] = [];

  beforeAll(async () => {
    graph = await startGraphTestApp(uniqueId('rm'), { METRICS_TOKEN });
    inference = await startInferenceApp({ METRICS_TOKEN });
    const { env, db } = await testEnvironment({ METRICS_TOKEN });
    dropIngestionDb = () => db.drop();
    ingestion = await startIngestion(env);
    review = await startReviewTestApp({ METRICS_TOKEN, INFERENCE_BASE_URL: inference.baseUrl });
    urls.graph = graph.url;
    urls.inference = inference.baseUrl;
    urls.ingestion = ingestion.url;
    routes.push(
      ...discoverRoutes('graph', graph.app),
      ...discoverRoutes('inference', inference.app),
      ...discoverRoutes('ingestion', ingestion.app),
    );
  });

  afterAll(async () => {
    await review?.close();
    await ingestion?.app.close();
    await dropIngestionDb?.();
    await inference?.close();
    await graph?.close();
  });

  const call = async (r: Route, headers: Record<string, string>): Promise<{ status: number; code?: string }> => {
    const res = await fetch(`${urls[r.service]}${concrete(r.path)}`, {
      method: r.method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(r.method === 'GET' ? {} : { body: '{}' }),
    });
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      code = undefined; // metrics text
    }
    return { status: res.status, code };
  };

  it('should discover the API routes of each service, and leave only the probes open', () => {
    const keys = routes.map((r) => r.key);
    // The routes this control exists for must be among those discovered.
    expect(keys).toEqual(
      expect.arrayContaining([
        'graph POST /entity-resolution/candidates/:id/confirm',
        'graph GET /applications/:id/ego-graph',
        'inference POST /promotion-requests/:id/approve',
        'inference POST /models/outcomes',
        'inference POST /models/replay',
        'ingestion GET /ingestion/applications/accounting',
        'graph GET /metrics',
        'inference GET /metrics',
        'ingestion GET /metrics',
      ]),
    );
    expect(keys.some((k) => k.endsWith('/promote'))).toBe(false);
    expect(routes.filter((r) => r.access === 'probe').map((r) => r.path.split('/')[1])).toEqual(
      Array(6).fill('health'),
    );
  });

  it('should answer 401 to every non-public route without a credential, with a wrong audience or a forged one', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.access !== 'probe')) {
      const other = r.service === 'graph' ? 'inference' : 'graph';
      const cases: [string, Record<string, string>, string][] = [
        ['none', {}, 'SERVICE_CREDENTIAL_MISSING'],
        [
          'wrong audience',
          localServiceHeaders(other, { issuer: 'review', subject: 'risk1' }),
          'SERVICE_CREDENTIAL_WRONG_AUDIENCE',
        ],
        ['forged', forged(r.service), 'SERVICE_CREDENTIAL_BAD_SIGNATURE'],
      ];
      for (const [name, headers, code] of cases) {
        const res = await call(r, headers);
        if (res.status !== 401 || res.code !== code) {
          wrong.push(`${r.key} ${name} -> ${res.status} ${res.code ?? ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('should pass a valid credential from review through the guard on every route', async () => {
    const refused: string[] = [];
    for (const r of routes.filter((x) => x.access !== 'probe')) {
      const res = await call(
        r,
        localServiceHeaders(r.service, { issuer: 'review', subject: 'risk1', roles: ['risk_manager'] }),
      );
      if (res.status === 401) {
        refused.push(`${r.key} -> ${res.status} ${res.code ?? ''}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('should refuse a direct merge or promotion approval without a credential, and from a caller other than review', async () => {
    const confirm = routes.find((r) => r.key === 'graph POST /entity-resolution/candidates/:id/confirm')!;
    const approve = routes.find((r) => r.key === 'inference POST /promotion-requests/:id/approve')!;

    expect((await call(confirm, {})).status).toBe(401);
    expect((await call(approve, {})).status).toBe(401);
    expect(await call(confirm, localServiceHeaders('graph', { issuer: 'feed', subject: 'x' }))).toEqual({
      status: 403,
      code: 'SERVICE_CALLER_FORBIDDEN',
    });
    expect(await call(approve, localServiceHeaders('inference', { issuer: 'tools', subject: 'x' }))).toEqual({
      status: 403,
      code: 'SERVICE_CALLER_FORBIDDEN',
    });
    // The old direct promote route is gone: only maker/checker through review remains.
    expect((await fetch(`${inference.baseUrl}/models/${randomUUID()}/promote`, { method: 'POST' })).status).toBe(404);
  });

  it('should serve /metrics on all four services to the metrics token only, not to anyone', async () => {
    for (const url of [graph.url, inference.baseUrl, ingestion.url, review.url]) {
      const anonymous = await fetch(`${url}/metrics`);
      const wrongToken = await fetch(`${url}/metrics`, {
        headers: { authorization: 'Bearer not-the-metrics-token-000' },
      });
      const scraped = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect({ url, statuses: [anonymous.status, wrongToken.status, scraped.status] }).toEqual({
        url,
        statuses: [401, 401, 200],
      });
      expect(await scraped.text()).toMatch(/^# HELP /m);
    }
    expect((await fetch(`${review.url}/metrics`, { headers: localServiceHeaders('review') })).status).toBe(200);
  });

  it('should promote through review only with a second risk manager, the maker refused', async () => {
    const models = (await (
      await fetch(`${inference.baseUrl}/models`, { headers: localServiceHeaders('inference') })
    ).json()) as { id: string; name: string; state: string }[];
    const candidate = models.find((m) => m.name === 'world-scorecard-graph')!;
    const [maker, checker, officer] = [
      await review.login('risk1'),
      await review.login('risk2'),
      await review.login('officer1'),
    ];

    const requested = await review.call(maker, 'POST', `/models/${candidate.id}/promotion-requests`, {
      to: 'challenger',
      reason: 'route matrix',
    });
    const id = (requested.body as { id: string }).id;
    const byOfficer = await review.call(officer, 'POST', `/models/promotion-requests/${id}/approve`, {});
    const byMaker = await review.call(maker, 'POST', `/models/promotion-requests/${id}/approve`, {});
    const byChecker = await review.call(checker, 'POST', `/models/promotion-requests/${id}/approve`, {});

    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ requestedBy: 'risk1', to: 'challenger' });
    expect(byOfficer.status).toBe(403);
    expect([byMaker.status, (byMaker.body as { code: string }).code]).toEqual([403, 'PROMOTION_SAME_USER']);
    expect(byChecker.status).toBe(200);
    expect(byChecker.body).toMatchObject({
      request: { requestedBy: 'risk1', approvedBy: 'risk2' },
      model: { state: 'challenger' },
    });
  });
});
