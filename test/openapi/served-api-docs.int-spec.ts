/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { readFileSync } from 'node:fs';

import type { INestApplication } from '@nestjs/common';
import { z } from 'zod';

import { errorResponseSchema } from '@loanmesh/contracts';
import type { DescribedOperation } from '@loanmesh/observability';
import { localServiceHeaders } from '@loanmesh/service-auth';
import { uniqueId } from '@loanmesh/testing';

import { type GraphTestApp, startGraphTestApp } from '../../apps/graph/src/testing/graph-test.app';
import { modelSummarySchema } from '../../apps/inference/src/registry/model-version.schemas';
import { type InferenceTestApp, startInferenceApp } from '../../apps/inference/src/testing/inference-test.app';
import { startIngestion, testEnvironment } from '../../apps/ingestion/src/testing/ingestion-test.harness';
import {
  caseDetailSchema,
  caseSchema,
  queueItemSchema,
  queuePageSchema,
} from '../../apps/review/src/cases/case-response.schemas';
import { AutomaticDecisionService } from '../../apps/review/src/decisions/automatic-decision.service';
import { scoredEvent } from '../../apps/review/src/testing/scored-event.factory';
import { type ReviewTestApp, startReviewTestApp } from '../../apps/review/src/testing/review-test-app';
import { documentPathOf } from '../../scripts/openapi/openapi-files';
import type { ApiService } from '../../scripts/openapi/service-api-documents';

jest.setTimeout(240_000);

interface Served {
  openapi: string;
  paths: Record<string, Record<string, DescribedOperation>>;
}
type Schema = { properties?: Record<string, Schema>; items?: Schema; enum?: string[]; required?: string[] };

const getJson = async (url: string): Promise<{ status: number; body: unknown }> => {
  const res = await fetch(url);
  return { status: res.status, body: res.status === 200 ? await res.json() : await res.text() };
};
const jsonSchema = (o: DescribedOperation | undefined, status: string): Schema | undefined => {
  const response = o?.responses[status] as { content?: Record<string, { schema?: Schema }> } | undefined;
  return response?.content?.['application/json']?.schema;
};
const bodySchema = (o: DescribedOperation | undefined): Schema | undefined =>
  (o?.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.['application/json']
    ?.schema;
const committed = (service: ApiService): unknown => JSON.parse(readFileSync(documentPathOf(service), 'utf8'));

describe('the API description served at /docs by every service', () => {
  let graph: GraphTestApp;
  let inference: InferenceTestApp;
  let ingestion: { app: INestApplication; url: string };
  let hidden: { app: INestApplication; url: string };
  let review: ReviewTestApp;
  const drops: (() => Promise<void>)[] = [];
  const docs: Partial<Record<ApiService, Served>> = {};

  beforeAll(async () => {
    graph = await startGraphTestApp(uniqueId('docs'));
    inference = await startInferenceApp();
    const shown = await testEnvironment();
    drops.push(() => shown.db.drop());
    ingestion = await startIngestion(shown.env);
    const off = await testEnvironment({ API_DOCS_ENABLED: 'false' });
    drops.push(() => off.db.drop());
    hidden = await startIngestion(off.env);
    review = await startReviewTestApp();
    const urls: Record<ApiService, string> = {
      graph: graph.url,
      inference: inference.baseUrl,
      ingestion: ingestion.url,
      review: review.url,
    };
    for (const [service, url] of Object.entries(urls) as [ApiService, string][]) {
      const res = await getJson(`${url}/docs/json`);
      expect({ service, status: res.status }).toEqual({ service, status: 200 });
      docs[service] = res.body as Served;
    }
  });

  afterAll(async () => {
    await review?.close();
    await hidden?.app.close();
    await ingestion?.app.close();
    for (const drop of drops) {
      await drop();
    }
    await inference?.close();
    await graph?.close();
  });

  it('should serve, without any credential, the same document as the committed openapi/<service>.openapi.json', () => {
    for (const service of ['graph', 'inference', 'ingestion', 'review'] as const) {
      expect({ service, document: docs[service] }).toEqual({ service, document: committed(service) });
      expect(docs[service]?.openapi).toBe('3.0.0');
    }
  });

  it('should serve Swagger UI and its assets from the service itself, nothing from a CDN', async () => {
    const page = await fetch(`${review.url}/docs`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts).toEqual(expect.arrayContaining(['./docs/swagger-ui-bundle.js', './docs/swagger-ui-init.js']));
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/docs/swagger-ui-init.js']) {
      const res = await fetch(`${review.url}${asset}`);
      expect({ asset, status: res.status, bytes: (await res.text()).length > 100 }).toEqual({
        asset,
        status: 200,
        bytes: true,
      });
    }
  });

  it('should describe review case list and decision with their schemas and roles', async () => {
    const paths = docs.review!.paths;
    const queue = jsonSchema(paths['/cases']?.get, '200');
    expect(Object.keys(queue?.properties?.items?.items?.properties ?? {})).toEqual(Object.keys(queueItemSchema.shape));
    const decide = paths['/cases/{id}/decide']?.post;
    expect(bodySchema(decide)?.properties?.outcome?.enum).toEqual(['APPROVED', 'DECLINED']);
    expect(bodySchema(decide)?.required).toEqual(['outcome', 'reasonCode', 'note']);
    expect(jsonSchema(decide, '200')?.properties?.status?.enum).toContain('DECIDED');
    expect(decide?.['x-roles']).toEqual(['officer', 'senior_officer']);
    expect(decide?.security).toEqual([{ bearer: [] }]);
    expect(paths['/auth/login']?.post?.security).toEqual([]);
    expect(decide?.responses['4XX']).toEqual({
      description: expect.any(String) as unknown,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    });
    // What review answers matches the schemas the document was derived from.
    const event = scoredEvent({ pd: 0.12, grade: 'C' });
    await review.app.get(AutomaticDecisionService).decide(event);
    const token = await review.login('officer1');
    const served = queuePageSchema.parse((await review.call(token, 'GET', '/cases?pageSize=200')).body).items;
    const id = served.find((c) => c.applicationId === event.payload.application.applicationId)?.id;
    expect(id).toBeDefined();
    expect(caseSchema.parse((await review.call(token, 'POST', `/cases/${id}/claim`)).body).status).toBe('CLAIMED');
    expect(caseDetailSchema.parse((await review.call(token, 'GET', `/cases/${id}`)).body).case.id).toBe(id);
    const body = { outcome: 'APPROVED', reasonCode: 'APR_STRONG_FINANCIALS', note: 'Cash flow covers it' };
    const decided = await review.call(token, 'POST', `/cases/${id}/decide`, body);
    expect(caseSchema.parse(decided.body)).toMatchObject({ status: 'DECIDED', outcome: 'APPROVED' });
    const refused = await review.call(token, 'POST', `/cases/${id}/decide`, { outcome: 'MAYBE' });
    expect(refused.status).toBe(400);
    expect(errorResponseSchema.parse(refused.body).code).toBe('INVALID_REQUEST');
  });

  it('should describe the inference model registry, and its answer should match the schema', async () => {
    const models = docs.inference!.paths['/models']?.get;
    expect(jsonSchema(models, '200')?.items?.properties?.state?.enum).toEqual([
      'candidate',
      'challenger',
      'champion',
      'retired',
    ]);
    expect(models?.security).toEqual([{ serviceCredential: [] }]);
    expect(docs.inference!.paths['/promotion-requests']?.post?.['x-service-callers']).toEqual(['review']);
    const res = await fetch(`${inference.baseUrl}/models`, { headers: localServiceHeaders('inference') });
    const body = (await res.json()) as unknown[];
    expect(body.length).toBeGreaterThan(0);
    expect(z.array(modelSummarySchema).parse(body)).toEqual(body);
  });

  it('should describe the graph features and ego graph of an application', () => {
    const paths = docs.graph!.paths;
    const features = jsonSchema(paths['/applications/{id}/features']?.get, '200');
    expect(features?.required).toEqual(expect.arrayContaining(['applicationId', 'features', 'explanations']));
    expect(Object.keys(features?.properties?.features?.properties ?? {}).length).toBeGreaterThan(5);
    const ego = jsonSchema(paths['/applications/{id}/ego-graph']?.get, '200');
    expect(Object.keys(ego?.properties ?? {})).toEqual(['center', 'asOf', 'nodes', 'edges']);
    expect(ego?.properties?.nodes?.items?.required).toEqual(['id', 'label', 'name', 'defaulted']);
  });

  it('should describe ingestion: its accounting query and that applications arrive on Kafka', () => {
    const accounting = docs.ingestion!.paths['/ingestion/applications/accounting']?.get;
    expect(accounting?.parameters?.map((p) => ('name' in p ? p.name : ''))).toEqual(['from', 'to', 'run']);
    expect(jsonSchema(accounting, '200')?.properties).toBeDefined();
  });

  it('should not serve /docs when API_DOCS_ENABLED is false (the production default)', async () => {
    expect((await fetch(`${hidden.url}/docs/json`)).status).toBe(404);
    expect((await fetch(`${hidden.url}/docs`)).status).toBe(404);
    expect((await fetch(`${hidden.url}/health/live`)).status).toBe(200);
  });
});
