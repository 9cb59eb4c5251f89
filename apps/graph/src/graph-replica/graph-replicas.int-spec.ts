import { DEFAULT_PARTITIONS, type Freshness, Topics } from '@loanmesh/contracts';
import { TopicPositionsService } from '@loanmesh/kafka';
import { Neo4jService } from '@loanmesh/neo4j';
import { type CapturedRecord, uniqueId, waitFor, waitForStableGroups } from '@loanmesh/testing';

import { GraphFreshnessTracker } from '../freshness/graph-freshness.tracker';
import { GraphMemoryService } from '../graph-memory/graph-memory.service';
import { GraphEventFactory } from '../testing/graph-event.factory';
import { featuresFor, type GraphTestApp, startGraphTestApp } from '../testing/graph-test.app';
import { deleteSuiteGraph } from '../testing/graph-test.harness';

/**
 * Two graph replicas on one writer group, with the real Kafka and Neo4j: each writes only
 * the partitions it was assigned, yet both serve features from the whole graph, and the
 * same features for the same application.
 */
describe('Graph replicas sharing the writer group', () => {
  const prefix = uniqueId('grp');
  const f = new GraphEventFactory(prefix);
  const writerGroup = uniqueId('grp-writer');
  const replicas: GraphTestApp[] = [];
  let published: CapturedRecord[];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startGraphTestApp(prefix, {
          GRAPH_WRITER_ENABLED: 'true',
          GRAPH_VIEW_FOLLOW_ENABLED: 'true',
          GRAPH_WRITER_GROUP_ID: writerGroup,
          // Both start at the topic's end: earlier suites' domain events are not this graph's.
          KAFKA_FROM_BEGINNING: 'false',
          // What is tested is completeness, not speed: a loaded machine must not turn it into DEGRADED.
          GRAPH_FEATURE_DEADLINE_MS: '15000',
        }),
      );
    }
    await waitForStableGroups(replicas[0].kafka.kafka, [writerGroup]);
    published = await replicas[0].kafka.capture([Topics.graphFeaturesComputed]);
  }, 180_000);

  afterAll(async () => {
    await deleteSuiteGraph(replicas[0].app.get(Neo4jService), prefix);
    for (const r of replicas) {
      await r.close();
    }
  });

  it('should split the writer group between the two replicas', async () => {
    const admin = replicas[0].kafka.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([writerGroup]);
      expect(groups[0].members).toHaveLength(2);
    } finally {
      await admin.disconnect();
    }
  });

  it('should serve the whole guarantee circle from both replicas, with identical features, when its companies are on every partition', async () => {
    // One company per partition, each guaranteeing the next: every writer writes part of the circle.
    const circle = Array.from({ length: DEFAULT_PARTITIONS }, (_, i) => `C${i}`);
    await replicas[0].kafka.produce(Topics.domainEvents, [
      ...circle.map((c, i) => ({ key: f.id(c), partition: i, value: JSON.stringify(f.company(c)) })),
      ...circle.map((c, i) => ({
        key: f.id(c),
        partition: i,
        value: JSON.stringify(f.guarantee(`g-${c}`, c, circle[(i + 1) % circle.length], 100_000)),
      })),
    ]);
    const freshness: Freshness = {
      coreBankingBarrier: {},
      barrierAt: Date.now(),
      confirmed: true,
      domainEvents: await replicas[0].app.get(TopicPositionsService).endOffsets(Topics.domainEvents),
    };
    const received = f.applicationReceived('app-C0', 'C0', '2024-06-01T10:00:00.000Z', freshness);
    const id = received.payload.application.applicationId;

    // Each replica's application consumer is in a group of its own, so both answer it.
    await replicas[0].publishApplication(received);
    const answers = await waitFor(
      () => (featuresFor(published, id).length >= 2 ? featuresFor(published, id) : undefined),
      60_000,
      'features from both replicas',
    );

    for (const a of answers) {
      expect([a.payload.status, a.payload.degradedReason]).toEqual(['OK', undefined]);
      expect(a.payload.graph?.inGuaranteeCircle).toBe(1);
      expect(a.payload.graph?.guaranteeCircleSize).toBe(DEFAULT_PARTITIONS);
    }
    expect(answers[1].payload.graph).toEqual(answers[0].payload.graph);
  }, 120_000);
  it('should give both replicas the canonical id entity resolution gave an older record, whichever writer linked it', async () => {
    // OLD on one partition first, then NEW with the same registration number on another: the
    // writer of NEW's partition links them SAME_AS and gives both records a canonical id; the
    // other replica sees only NEW's event, yet must re-read OLD too.
    await produceDuplicates('OLD', 'NEW');

    const keys = replicas.map((r) => r.app.get(GraphMemoryService).localFacts(f.id('OLD'), '2024-06-01')?.selfKeys);
    expect(keys[0]).toEqual(keys[1]);
    // The smaller id is the canonical one: OLD's record now carries NEW's id on both replicas.
    expect(keys[0]).toEqual([f.id('NEW'), f.id('NEW')]);
  }, 120_000);

  it('should link the older record to the newer one on both replicas when the older record has the smaller id', async () => {
    // SAME_AS points from the smaller id to the larger: here from the older record to the new one,
    // so the new record's own relationships do not name the older record.
    await produceDuplicates('DUP-A', 'DUP-B');

    for (const name of ['DUP-A', 'DUP-B']) {
      const keys = replicas.map((r) => r.app.get(GraphMemoryService).localFacts(f.id(name), '2024-06-01')?.selfKeys);
      expect(keys[0]).toEqual(keys[1]);
      expect(keys[0]).toEqual([f.id('DUP-A'), f.id('DUP-A')]);
    }
  }, 120_000);

  /** The older record on partition 0, applied by both replicas; then the newer, same registration number, on partition 3. */
  async function produceDuplicates(older: string, newer: string): Promise<void> {
    const registrationNumber = `RN-${prefix}-${older}`;
    await replicas[0].kafka.produce(Topics.domainEvents, [
      { key: f.id(older), partition: 0, value: JSON.stringify(f.company(older, { registrationNumber })) },
    ]);
    await appliedByBoth();
    await replicas[0].kafka.produce(Topics.domainEvents, [
      { key: f.id(newer), partition: 3, value: JSON.stringify(f.company(newer, { registrationNumber })) },
    ]);
    await appliedByBoth();
  }

  async function appliedByBoth(): Promise<void> {
    const end = await replicas[0].app.get(TopicPositionsService).endOffsets(Topics.domainEvents);
    await Promise.all(
      replicas.map((r) =>
        r.app
          .get(GraphFreshnessTracker)
          .waitFor(end, 60_000)
          .then((ok) => expect(ok).toBe(true)),
      ),
    );
  }
});
