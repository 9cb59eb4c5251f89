import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AutomaticDecisionService } from '../decisions/automatic-decision.service';
import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { quietGraph, scoredEvent } from '../testing/scored-event.factory';
import type { DecisionReplay } from './decision-replay.service';

jest.setTimeout(90000);

/** What the stand-ins for the graph and inference services answer (each has its own tests). */
const upstream = {
  graphFeatures: { ...quietGraph } as Record<string, unknown>,
  modelAnswer: {
    hash: 'MATCH',
    registeredSha256: 'a'.repeat(64),
    probabilityOfDefault: 0.01,
    riskGrade: 'A',
  } as Record<string, unknown>,
  replayRequests: [] as unknown[],
};

function standIn(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handle(req, body, res));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (s: Server): string => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
const json = (res: ServerResponse, value: unknown): void => {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
};

describe('Decision replay as of decision time (real PostgreSQL and Kafka, stand-in graph and inference)', () => {
  let t: ReviewTestApp;
  let graph: Server;
  let inference: Server;
  let auditor: string;

  beforeAll(async () => {
    graph = await standIn((req, _body, res) => {
      const id = /^\/applications\/([^/]+)\/features$/.exec(req.url ?? '')?.[1];
      return id
        ? json(res, { applicationId: id, asOf: '2026-11-28', features: upstream.graphFeatures })
        : res.writeHead(404).end();
    });
    inference = await standIn((req, body, res) => {
      upstream.replayRequests.push(JSON.parse(body));
      return req.url === '/models/replay' ? json(res, upstream.modelAnswer) : res.writeHead(404).end();
    });
    t = await startReviewTestApp({ GRAPH_BASE_URL: urlOf(graph), INFERENCE_BASE_URL: urlOf(inference) });
    auditor = await t.login('auditor1');
  });

  afterAll(async () => {
    await t.close();
    await Promise.all([graph, inference].map((s) => new Promise((r) => s.close(r))));
  });

  async function decided(): Promise<{ applicationId: string; pd: number }> {
    const event = scoredEvent({ pd: 0.01 });
    await t.app.get(AutomaticDecisionService).decide(event);
    return { applicationId: event.payload.application.applicationId, pd: event.payload.champion.probabilityOfDefault };
  }

  const replay = async (applicationId: string) => {
    const res = await t.call(auditor, 'GET', `/decisions/${applicationId}/replay`);
    return { status: res.status, body: res.body as DecisionReplay };
  };

  it('should replay a decision unchanged with the pinned model and the graph as it stood', async () => {
    const { applicationId, pd } = await decided();
    upstream.graphFeatures = { ...quietGraph };
    upstream.modelAnswer = { ...upstream.modelAnswer, probabilityOfDefault: pd, riskGrade: 'A', hash: 'MATCH' };

    const { status, body } = await replay(applicationId);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'SAME',
      policy: { status: 'SAME', version: 1, stored: 'APPROVED', replayed: 'APPROVED', ruleChanges: [] },
      model: { status: 'SAME', modelVersion: 'gbm-test-1', hash: 'MATCH' },
      graph: { status: 'SAME', asOf: '2026-11-28', changes: [] },
    });
    expect(upstream.replayRequests.at(-1)).toMatchObject({
      modelVersion: 'gbm-test-1',
      featureVector: expect.any(Array) as unknown,
    });
  });

  it('should name the graph features and the model score that moved since the decision', async () => {
    const { applicationId } = await decided();
    upstream.graphFeatures = { ...quietGraph, guaranteeCircleSize: 4, inGuaranteeCircle: 1 };
    upstream.modelAnswer = { ...upstream.modelAnswer, probabilityOfDefault: 0.2, riskGrade: 'D' };

    const { body } = await replay(applicationId);

    expect(body.status).toBe('CHANGED');
    expect(body.graph.changes).toEqual([
      { feature: 'guaranteeCircleSize', stored: 0, replayed: 4 },
      { feature: 'inGuaranteeCircle', stored: 0, replayed: 1 },
    ]);
    expect(body.model).toMatchObject({ status: 'CHANGED', replayedPd: 0.2, replayedGrade: 'D' });
    expect(body.policy.status).toBe('SAME');
  });

  it('should report a part UNAVAILABLE when its service is down, and 404 for an unknown application', async () => {
    const { applicationId, pd } = await decided();
    upstream.graphFeatures = { ...quietGraph };
    upstream.modelAnswer = { ...upstream.modelAnswer, probabilityOfDefault: pd, riskGrade: 'A' };
    await new Promise((r) => inference.close(r));

    const { body } = await replay(applicationId);
    const unknown = await replay('app-never-seen');

    expect(body).toMatchObject({
      status: 'UNAVAILABLE',
      model: { status: 'UNAVAILABLE' },
      graph: { status: 'SAME' },
      policy: { status: 'SAME' },
    });
    expect(body.model.reason).toContain('inference');
    expect(unknown.status).toBe(404);
  });
});
