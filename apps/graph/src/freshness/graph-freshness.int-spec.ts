import { type Freshness, type GraphFeaturesComputedEvent, Topics } from '@loanmesh/contracts';
import { TopicPositionsService } from '@loanmesh/kafka';
import { Neo4jService } from '@loanmesh/neo4j';
import { localServiceHeaders } from '@loanmesh/service-auth';
import { type CapturedRecord, uniqueId, waitFor, waitForStableGroups } from '@loanmesh/testing';

import { DomainEventBatchConsumer } from '../graph-writer/domain-event-batch.consumer';
import { GraphEventFactory } from '../testing/graph-event.factory';
import { featuresFor, type GraphTestApp, startGraphTestApp } from '../testing/graph-test.app';
import { deleteSuiteGraph } from '../testing/graph-test.harness';

/**
 * The freshness contract with the real Kafka and Neo4j and the real domain-event writer:
 * an application's features reflect every domain event published before it, or are DEGRADED.
 */
describe('Graph freshness', () => {
  const prefix = uniqueId('gf');
  const f = new GraphEventFactory(prefix);
  const writerGroup = uniqueId('gf-writer');
  let t: GraphTestApp;
  let published: CapturedRecord[];

  beforeAll(async () => {
    t = await startGraphTestApp(prefix, {
      GRAPH_WRITER_ENABLED: 'true',
      GRAPH_WRITER_GROUP_ID: writerGroup,
      // The writer starts at the topic's end: earlier suites' domain events are not this graph's.
      KAFKA_FROM_BEGINNING: 'false',
      // What is tested is that serving waits for the writer, not how fast the writer is: a
      // generous deadline keeps a loaded machine (Neo4j round trips of seconds) from turning
      // a fresh answer into DEGRADED.
      GRAPH_FEATURE_DEADLINE_MS: '10000',
    });
    await waitForStableGroups(t.kafka.kafka, [writerGroup]);
    published = await t.kafka.capture([Topics.graphFeaturesComputed]);
  }, 120_000);

  afterAll(async () => {
    await deleteSuiteGraph(t.app.get(Neo4jService), prefix);
    await t.close();
  });

  /** Domain events onto the topic the writer consumes, keyed like ingestion keys them. */
  async function publishDomainEvents(circle: string[]): Promise<void> {
    const events = [
      ...circle.map((c) => f.company(c)),
      ...circle.map((c, i) => f.guarantee(`g-${c}`, c, circle[(i + 1) % circle.length], 100_000)),
    ];
    await t.kafka.produce(
      Topics.domainEvents,
      events.map((e) => ({ key: f.id(circle[0]), value: JSON.stringify(e) })),
    );
  }

  /** What ingestion's relay stamps: the domain-event positions the broker has acknowledged so far. */
  async function stamped(overrides: Partial<Freshness> = {}): Promise<Freshness> {
    const domainEvents = await t.app.get(TopicPositionsService).endOffsets(Topics.domainEvents);
    return { coreBankingBarrier: {}, barrierAt: Date.now(), confirmed: true, domainEvents, ...overrides };
  }

  async function featuresOf(name: string, company: string, freshness: Freshness): Promise<GraphFeaturesComputedEvent> {
    const received = f.applicationReceived(name, company, '2024-06-01T10:00:00.000Z', freshness);
    await t.publishApplication(received);
    const id = received.payload.application.applicationId;
    const [out] = await waitFor(
      () => (featuresFor(published, id).length ? featuresFor(published, id) : undefined),
      30_000,
      `features for ${name}`,
    );
    return out;
  }

  it('should serve features that include edges published just before the application, without waiting in the test', async () => {
    await publishDomainEvents(['A', 'B', 'C']);

    const out = await featuresOf('app-A', 'A', await stamped());

    expect([out.payload.status, out.payload.degradedReason]).toEqual(['OK', undefined]);
    expect(out.payload.graph?.inGuaranteeCircle).toBe(1);
    expect(out.payload.graph?.guaranteeCircleSize).toBe(3);
  }, 60_000);

  it('should answer DEGRADED while the writer is paused, and see the new edges once it resumes', async () => {
    const writer = t.app.get(DomainEventBatchConsumer);
    writer.pause();
    try {
      await publishDomainEvents(['D', 'E', 'F']);
      const stale = await featuresOf('app-D1', 'D', await stamped());

      expect(stale.payload.status).toBe('DEGRADED');
      expect(stale.payload.degradedReason).toMatch(/^graph lags ingestion: partition \d+ applied to \d+, needs \d+/);
      expect(stale.payload.graph).toBeNull();
    } finally {
      writer.resume();
    }

    const fresh = await featuresOf('app-D2', 'D', await stamped());

    expect(fresh.payload.status).toBe('OK');
    expect(fresh.payload.graph?.inGuaranteeCircle).toBe(1);
  }, 60_000);

  it('should answer DEGRADED when ingestion could not confirm its barrier or stamped no positions', async () => {
    const unconfirmed = await featuresOf('app-U', 'A', await stamped({ confirmed: false }));
    const unstamped = await featuresOf('app-N', 'A', await stamped({ domainEvents: undefined }));

    expect(unconfirmed.payload.status).toBe('DEGRADED');
    expect(unconfirmed.payload.degradedReason).toMatch(/^graph freshness unconfirmed/);
    expect(unstamped.payload.status).toBe('DEGRADED');
    expect(unstamped.payload.degradedReason).toMatch(/^graph freshness unknown/);
  }, 60_000);

  it('should export its lag behind the domain-event topic on /metrics', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    const metrics = await (await fetch(`${t.url}/metrics`, { headers: localServiceHeaders('graph') })).text();

    expect(metrics).toMatch(/^loanmesh_graph_lag_events \d+$/m);
    expect(metrics).toMatch(/^loanmesh_graph_lag_seconds [\d.]+$/m);
  }, 30_000);
});
