import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { Topics } from '@loanmesh/contracts';
import type { EarlyWarningEvent } from '@loanmesh/contracts/graph/early-warning.schema';
import { KafkaTestClient, uniqueId, waitFor } from '@loanmesh/testing';

import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { WatchlistEntryEntity } from './watchlist-entry.entity';
import { WatchlistRescorer } from './watchlist.rescorer';

jest.setTimeout(120_000);

function alert(loanId: string, trigger: string): EarlyWarningEvent {
  const at = new Date().toISOString();
  return {
    eventId: randomUUID(),
    type: 'graph.early-warning',
    schemaVersion: 1,
    occurredAt: at,
    producedAt: at,
    source: 'graph',
    correlationId: loanId,
    payload: {
      alertId: `${trigger}:2023-03-01:${loanId}`,
      trigger: 'NEIGHBOUR_DEFAULTED',
      triggerCompanyId: trigger,
      defaultedAt: '2023-03-01',
      loanId,
      companyId: `${loanId}-co`,
      hops: 1,
      path: [trigger, `${loanId}-co`],
      relationships: ['GUARANTEES'],
    },
  };
}

describe('Watchlist from graph early warnings (real Kafka and PostgreSQL)', () => {
  let t: ReviewTestApp;
  let kafka: KafkaTestClient;
  let ds: DataSource;
  const rows = (alertId: string) => ds.getRepository(WatchlistEntryEntity).findBy({ alertId });
  const publish = (e: EarlyWarningEvent, key = e.payload.companyId) =>
    kafka.produce(Topics.earlyWarning, [{ key, value: JSON.stringify(e) }]);

  beforeAll(async () => {
    t = await startReviewTestApp();
    ds = t.app.get(DataSource);
    kafka = new KafkaTestClient();
  });

  afterAll(async () => {
    await kafka.close();
    await t.close();
  });

  it('should keep exactly one row per alertId when the event is delivered twice and re-derived with a new event id', async () => {
    const e = alert(uniqueId('loan'), uniqueId('D'));
    const marker = alert(uniqueId('loan'), uniqueId('D'));

    await publish(e);
    await publish(e);
    await publish({ ...e, eventId: randomUUID() });
    // Same key, same partition: once the marker's row is in, the three before it were all applied.
    await publish(marker, e.payload.companyId);
    await waitFor(async () => ((await rows(marker.payload.alertId)).length === 1 ? true : undefined), 60_000, 'marker');
    const got = await waitFor(
      async () => {
        const r = await rows(e.payload.alertId);
        return r.length > 0 ? r : undefined;
      },
      60_000,
      'watchlist row',
    );
    await t.app.get(WatchlistRescorer).idle();
    const settled = await rows(e.payload.alertId);

    expect(got).toHaveLength(1);
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({
      loanId: e.payload.loanId,
      triggerCompanyId: e.payload.triggerCompanyId,
      path: e.payload.path,
      status: 'OPEN',
      oldPd: null,
      rescoreStatus: 'UNAVAILABLE',
    });
    expect(settled[0]?.rescoreReason).toContain('no application is linked');
  });

  it('should list open entries to an officer and let them acknowledge once with who and when', async () => {
    const e = alert(uniqueId('loan'), uniqueId('D'));
    await publish(e);
    const [row] = await waitFor(
      async () => {
        const r = await rows(e.payload.alertId);
        return r.length > 0 ? r : undefined;
      },
      60_000,
      'watchlist row',
    );
    const officer = await t.login('officer1');

    const listed = await t.call(officer, 'GET', '/watchlist?status=OPEN&pageSize=200');
    const acked = await t.call(officer, 'POST', `/watchlist/${row?.id}/acknowledge`);
    const again = await t.call(officer, 'POST', `/watchlist/${row?.id}/acknowledge`);
    const auditor = await t.call(await t.login('auditor1'), 'POST', `/watchlist/${row?.id}/acknowledge`);

    expect(listed.status).toBe(200);
    expect((listed.body as { items: { alertId: string }[] }).items.map((i) => i.alertId)).toContain(e.payload.alertId);
    expect(acked).toMatchObject({ status: 200, body: { status: 'ACKNOWLEDGED', acknowledgedBy: 'officer1' } });
    expect(again.status).toBe(409);
    expect(auditor.status).toBe(403);
  });
});
