import { Topics } from '@loanmesh/contracts';
import type { EarlyWarningEvent } from '@loanmesh/contracts/graph/early-warning.schema';
import { OUTBOX_PUBLISHER, type OutboxPublisher } from '@loanmesh/database';
import { Neo4jService } from '@loanmesh/neo4j';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';
import { type CapturedRecord, uniqueId, waitFor } from '@loanmesh/testing';

import { GraphWriterService } from '../graph-writer/graph-writer.service';
import { GraphEventFactory } from '../testing/graph-event.factory';
import { type GraphTestApp, startGraphTestApp } from '../testing/graph-test.app';
import { deleteSuiteGraph } from '../testing/graph-test.harness';
import { EarlyWarningAlertRepository } from './early-warning-alert.repository';
import { type EarlyWarningRelayConfig, EarlyWarningRelayService } from './early-warning-relay.service';
import { EarlyWarningService } from './early-warning.service';

const STORED = `MATCH (n:EarlyWarningAlert) WHERE n.alertId STARTS WITH $trigger
  RETURN n.alertId AS alertId, n.publishedAt IS NOT NULL AS published ORDER BY alertId`;

const relayConfig: EarlyWarningRelayConfig = {
  EARLY_WARNING_RELAY_ENABLED: false,
  EARLY_WARNING_RELAY_BATCH: 500,
  EARLY_WARNING_RELAY_POLL_MS: 1000,
  EARLY_WARNING_RETENTION_SECONDS: 3600,
};

describe(EarlyWarningService.name, () => {
  const prefix = uniqueId('gw');
  const f = new GraphEventFactory(prefix);
  let t: GraphTestApp;
  let alerts: CapturedRecord[];
  const ours = (trigger: string): EarlyWarningEvent[] =>
    alerts
      .map((r) => JSON.parse(r.value?.toString() ?? '{}') as EarlyWarningEvent)
      .filter((e) => e.payload?.triggerCompanyId === f.id(trigger));
  const stored = (trigger: string) =>
    t.app.get(Neo4jService).read<{ alertId: string; published: boolean }>(STORED, { trigger: `${f.id(trigger)}:` });
  /** The app's relay is off: each test drives rounds itself, so what is published when is known. */
  const relayUntilEmpty = async (relay: EarlyWarningRelayService): Promise<void> => {
    while ((await relay.relayOnce()) > 0) {
      // drain every stored alert, other suites' included
    }
  };
  const relayWith = (publisher: OutboxPublisher): EarlyWarningRelayService =>
    new EarlyWarningRelayService(
      t.app.get(EarlyWarningAlertRepository),
      publisher,
      t.app.get(MetricsService),
      relayConfig,
      { register: () => undefined } as unknown as GracefulShutdownService,
    );

  beforeAll(async () => {
    t = await startGraphTestApp(prefix, { EARLY_WARNING_RELAY_ENABLED: 'false' });
    alerts = await t.kafka.capture([Topics.earlyWarning]);
  }, 120_000);

  afterAll(async () => {
    await deleteSuiteGraph(t.app.get(Neo4jService), prefix);
    await t.app.get(Neo4jService).run('MATCH (n:EarlyWarningAlert) WHERE n.alertId STARTS WITH $p DETACH DELETE n', {
      p: prefix,
    });
    await t.close();
  });

  it('should store an alert per live loan within 2 hops of a default and the relay should publish them with their paths', async () => {
    const live = (c: string) => f.loan(`loan-${c}`, c, '2022-01-01', '2025-01-01');
    const result = await t.app
      .get(GraphWriterService)
      .applyBatch([
        ...['D', 'X', 'Z', 'W'].map((c) => f.company(c)),
        f.company('Y', { phone: 'D' }),
        f.guarantee('g1', 'D', 'X', 100),
        f.guarantee('g2', 'X', 'Z', 100),
        f.guarantee('g3', 'Z', 'W', 100),
        ...['X', 'Y', 'Z', 'W'].map(live),
        f.loan('loan-X-matured', 'X', '2021-01-01', '2022-06-01'),
        f.defaulted('D', '2023-03-01'),
      ]);

    const sent = await t.app.get(EarlyWarningService).onDefaults(result.defaults);
    const before = await stored('D');
    await relayUntilEmpty(t.app.get(EarlyWarningRelayService));
    const got = await waitFor(() => (ours('D').length >= 3 ? ours('D') : undefined), 30_000, 'early warnings');

    expect(sent).toBe(3);
    expect(before.map((r) => r.published)).toEqual([false, false, false]);
    expect((await stored('D')).map((r) => r.published)).toEqual([true, true, true]);
    expect(got.map((e) => [e.payload.loanId, e.payload.hops, e.payload.path, e.payload.relationships]).sort()).toEqual(
      [
        [f.id('loan-X'), 1, [f.id('D'), f.id('X')], ['GUARANTEES']],
        [f.id('loan-Y'), 2, [f.id('D'), f.token('phone:D'), f.id('Y')], ['HAS_PHONE', 'HAS_PHONE']],
        [f.id('loan-Z'), 2, [f.id('D'), f.id('X'), f.id('Z')], ['GUARANTEES', 'GUARANTEES']],
      ].sort(),
    );
    expect(got[0]?.payload.alertId).toBe(`${f.id('D')}:2023-03-01:${got[0]?.payload.loanId}`);
  }, 60_000);

  it('should keep alerts unpublished while publishing fails and publish them on a later round, once per re-derived default', async () => {
    const result = await t.app
      .get(GraphWriterService)
      .applyBatch([
        f.company('E'),
        f.company('V'),
        f.guarantee('g4', 'E', 'V', 100),
        f.loan('loan-V', 'V', '2022-01-01', '2025-01-01'),
        f.defaulted('E', '2023-05-01'),
      ]);
    const brokerAway = relayWith({ publish: () => Promise.reject(new Error('Connection error: ECONNREFUSED')) });
    await t.app.get(EarlyWarningService).onDefaults(result.defaults);

    await expect(brokerAway.relayOnce()).rejects.toThrow('ECONNREFUSED');
    const afterFailure = await stored('E');
    // The default's events are redelivered (offsets were never committed): the alert is re-derived, not doubled.
    await t.app.get(EarlyWarningService).onDefaults(result.defaults);
    const afterRedelivery = await stored('E');
    await relayUntilEmpty(relayWith(t.app.get<OutboxPublisher>(OUTBOX_PUBLISHER)));
    const got = await waitFor(() => (ours('E').length >= 1 ? ours('E') : undefined), 30_000, 'alert after outage');

    expect(afterFailure).toEqual([{ alertId: `${f.id('E')}:2023-05-01:${f.id('loan-V')}`, published: false }]);
    expect(afterRedelivery).toEqual(afterFailure);
    expect((await stored('E')).map((r) => r.published)).toEqual([true]);
    expect(got.map((e) => e.payload.loanId)).toEqual([f.id('loan-V')]);
  }, 60_000);
});
