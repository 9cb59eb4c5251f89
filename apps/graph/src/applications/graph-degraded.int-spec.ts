import { Topics } from '@loanmesh/contracts';
import { type CapturedRecord, uniqueId, waitFor } from '@loanmesh/testing';

import { GraphMemoryService } from '../graph-memory/graph-memory.service';
import { GraphEventFactory } from '../testing/graph-event.factory';
import { featuresFor, type GraphTestApp, startGraphTestApp } from '../testing/graph-test.app';
import { Neo4jSwitchProxy } from '../testing/neo4j-switch.proxy';
import { WORKED_EXAMPLE_AS_OF as AS_OF } from '../testing/worked-example.fixture';

const readiness = async (url: string): Promise<{ status: number; neo4j: string }> => {
  const res = await fetch(`${url}/health/ready`);
  const body = (await res.json()) as { checks?: Record<string, string>; details?: { checks?: Record<string, string> } };
  return { status: res.status, neo4j: body.checks?.neo4j ?? body.details?.checks?.neo4j ?? JSON.stringify(body) };
};

/**
 * Neo4j behind a switchable proxy (the shared server keeps running): silent from the start,
 * so the in-memory graph cannot load and every application needs Neo4j.
 */
describe('Graph service when Neo4j does not answer', () => {
  const prefix = uniqueId('gd');
  const f = new GraphEventFactory(prefix);
  const proxy = new Neo4jSwitchProxy();
  let t: GraphTestApp;
  let published: CapturedRecord[];

  const serve = async (name: string) => {
    const received = f.applicationReceived(name, 'A', AS_OF);
    await t.publishApplication(received);
    const id = received.payload.application.applicationId;
    const [out] = await waitFor(
      () => (featuresFor(published, id).length ? featuresFor(published, id) : undefined),
      30_000,
      `features for ${name}`,
    );
    return out;
  };

  beforeAll(async () => {
    await proxy.start();
    proxy.switchTo('silent');
    t = await startGraphTestApp(prefix, { NEO4J_URL: proxy.url, GRAPH_MIGRATE_ON_START: 'false' });
    published = await t.kafka.capture([Topics.graphFeaturesComputed]);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await proxy.stop();
  });

  it('should publish DEGRADED with the reason within 1 s when Neo4j does not answer', async () => {
    const out = await serve('app-silent');

    expect(out.payload.status).toBe('DEGRADED');
    expect(out.payload.graph).toBeNull();
    expect(out.payload.degradedReason).toMatch(/^graph features unavailable: /);
    expect(out.payload.computedInMs).toBeLessThan(1000);
  }, 60_000);

  it('should report not ready while Neo4j does not answer and ready again when it answers', async () => {
    const down = await readiness(t.url);
    proxy.switchTo('up');
    const up = await waitFor(
      async () => {
        const r = await readiness(t.url);
        return r.status === 200 ? r : undefined;
      },
      15_000,
      'ready after Neo4j answers',
    );

    expect(down.status).toBe(503);
    expect(down.neo4j).toMatch(/^down/);
    expect(up.neo4j).toBe('up');
  }, 60_000);

  it('should serve from the in-memory graph once loaded, even while Neo4j is silent again', async () => {
    proxy.switchTo('up');
    await waitFor(
      () => (t.app.get(GraphMemoryService).ready ? true : undefined),
      30_000,
      'in-memory graph loaded in the background',
    );
    proxy.switchTo('silent');

    const out = await serve('app-cached');

    expect((await readiness(t.url)).status).toBe(503);
    expect(out.payload.status).toBe('OK');
    expect(out.payload.computedInMs).toBeLessThan(50);
  }, 60_000);
});
