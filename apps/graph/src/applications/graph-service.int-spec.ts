import { Topics } from '@loanmesh/contracts';
import { Neo4jService } from '@loanmesh/neo4j';
import { localServiceHeaders } from '@loanmesh/service-auth';
import { type CapturedRecord, uniqueId, waitFor } from '@loanmesh/testing';

import { GraphFeaturesService } from '../graph-features/graph-features.service';
import { GraphWriterService } from '../graph-writer/graph-writer.service';
import { GraphEventFactory } from '../testing/graph-event.factory';
import { deleteSuiteGraph } from '../testing/graph-test.harness';
import { featuresFor, type GraphTestApp, startGraphTestApp } from '../testing/graph-test.app';
import {
  WORKED_EXAMPLE_AS_OF as AS_OF,
  WORKED_EXAMPLE_FEATURES,
  workedExample,
} from '../testing/worked-example.fixture';

/** As review calls it: a credential from review acting for the reviewer. */
const post = (url: string, reviewer: string | null = 'senior1', actingFor = reviewer ?? 'senior1'): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...localServiceHeaders('graph', { issuer: 'review', subject: actingFor, roles: ['senior_officer'] }),
    },
    body: JSON.stringify(reviewer === null ? {} : { reviewer }),
  });

describe('Graph service with real Kafka and Neo4j', () => {
  const prefix = uniqueId('gk');
  const f = new GraphEventFactory(prefix);
  let t: GraphTestApp;
  let published: CapturedRecord[];

  beforeAll(async () => {
    t = await startGraphTestApp(prefix);
    published = await t.kafka.capture([Topics.graphFeaturesComputed]);
  }, 120_000);

  afterAll(async () => {
    await deleteSuiteGraph(t.app.get(Neo4jService), prefix);
    await t.close();
  });

  it('should publish the worked example features on graph.features-computed when application.received arrives on Kafka', async () => {
    await t.app.get(GraphWriterService).applyBatch(workedExample(f));
    const received = f.applicationReceived('app-A', 'A', AS_OF);

    await t.publishApplication(received);
    const [out] = await waitFor(
      () =>
        featuresFor(published, received.payload.application.applicationId).length
          ? featuresFor(published, received.payload.application.applicationId)
          : undefined,
      30_000,
      'features computed',
    );

    expect(out.causationId).toBe(received.eventId);
    expect(out.payload.status).toBe('OK');
    expect(out.payload.graph).toEqual(WORKED_EXAMPLE_FEATURES);
    expect(out.payload.explanations.map((e) => e.feature)).toContain('guaranteeCircleSize');
    expect(out.payload.computedInMs).toBeLessThan(50);
  }, 120_000);

  it('should list, confirm and reject match candidates over HTTP and answer 409 to a second decision', async () => {
    const features = t.app.get(GraphFeaturesService);
    await t.app
      .get(GraphWriterService)
      .applyBatch([
        f.company('ERA', { phone: 'er-1', name: 'Erabrook Trading Ltd' }),
        f.company('ERB', { phone: 'er-1', name: 'Erabrook Tradng Ltd' }),
        f.company('ERC', { phone: 'er-2', name: 'Quillmere Holdings Ltd' }),
        f.company('ERD', { phone: 'er-2', name: 'Quillmere Holding Ltd' }),
      ]);
    const toConfirm = `company:${f.id('ERA')}:${f.id('ERB')}`;
    const toReject = `company:${f.id('ERC')}:${f.id('ERD')}`;
    const sharedBefore = (await features.computeInMemory(f.id('ERA'), AS_OF)).features.sharedIdentifierCompanies;

    const list = await fetch(`${t.url}/entity-resolution/candidates?status=PENDING&limit=500`, {
      headers: localServiceHeaders('graph'),
    });
    const listed = ((await list.json()) as { candidates: { id: string; a: { name: string } }[] }).candidates;
    const ids = listed.map((c) => c.id);
    const anonymous = await post(
      `${t.url}/entity-resolution/candidates/${encodeURIComponent(toConfirm)}/confirm`,
      null,
    );
    const confirmUrl = `${t.url}/entity-resolution/candidates/${encodeURIComponent(toConfirm)}/confirm`;
    const withoutCredential = await fetch(confirmUrl, { method: 'POST', body: '{"reviewer":"senior1"}' });
    const fromTools = await fetch(confirmUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...localServiceHeaders('graph', { subject: 'senior1' }) },
      body: '{"reviewer":"senior1"}',
    });
    const forSomeoneElse = await post(confirmUrl, 'senior1', 'officer9');
    const confirmed = await post(confirmUrl);
    const confirmedAgain = await post(`${t.url}/entity-resolution/candidates/${encodeURIComponent(toConfirm)}/reject`);
    const rejected = await post(`${t.url}/entity-resolution/candidates/${encodeURIComponent(toReject)}/reject`);
    const rejectedAgain = await post(`${t.url}/entity-resolution/candidates/${encodeURIComponent(toReject)}/reject`);
    const unknown = await post(
      `${t.url}/entity-resolution/candidates/${encodeURIComponent(`company:${f.id('nope')}:x`)}/confirm`,
    );

    expect(list.status).toBe(200);
    expect(ids).toEqual(expect.arrayContaining([toConfirm, toReject]));
    expect(listed.find((c) => c.id === toConfirm)?.a.name).toBe('Erabrook Trading Ltd');
    expect(anonymous.status).toBe(400);
    // A merge needs review's credential, acting for the reviewer it names.
    expect([withoutCredential.status, fromTools.status, forSomeoneElse.status]).toEqual([401, 403, 403]);
    const decided = await fetch(`${t.url}/entity-resolution/candidates?status=CONFIRMED&limit=500`, {
      headers: localServiceHeaders('graph'),
    });
    const confirmedRow = (
      (await decided.json()) as { candidates: { id: string; decidedBy: string }[] }
    ).candidates.find((c) => c.id === toConfirm);
    expect(confirmedRow?.decidedBy).toBe('senior1');
    expect([confirmed.status, confirmedAgain.status, rejected.status, rejectedAgain.status, unknown.status]).toEqual([
      204, 409, 204, 409, 404,
    ]);
    // The confirmed link reached the in-memory graph: ERB is now ERA itself, not a company sharing its phone.
    const after = await features.computeInMemory(f.id('ERA'), AS_OF);
    expect([sharedBefore, after.features.sharedIdentifierCompanies]).toEqual([1, 0]);
    expect(after.features.communitySize).toBe(1);
    expect(after.features).toEqual((await features.computeWithCypher(f.id('ERA'), AS_OF, undefined, 10_000)).features);
  }, 60_000);

  it('should not compare every pair of parties behind a shared switchboard phone', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `SB${i}`);
    await t.app.get(GraphWriterService).applyBatch(names.map((n) => f.company(n, { phone: 'switchboard' })));
    const ids = names.map((n) => f.id(n));
    const [row] = await t.app
      .get(Neo4jService)
      .read<{ n: number }>('MATCH (m:MatchCandidate) WHERE m.aId IN $ids OR m.bId IN $ids RETURN count(m) AS n', {
        ids,
      });

    // Similar names ("SB1 Trading Ltd", "SB2 Trading Ltd") on one phone would make 1,770 candidates.
    expect(Number(row.n)).toBe(0);
  }, 60_000);

  it('should report ready when Neo4j answers', async () => {
    const res = await fetch(`${t.url}/health/ready`);

    expect(res.status).toBe(200);
    expect(((await res.json()) as { checks: Record<string, string> }).checks.neo4j).toBe('up');
  });
});
