import { Topics } from '@loanmesh/contracts';
import type { EarlyWarningEvent } from '@loanmesh/contracts/graph/early-warning.schema';
import { Neo4jService } from '@loanmesh/neo4j';
import { type CapturedRecord, uniqueId, waitFor } from '@loanmesh/testing';

import { GraphWriterService } from '../graph-writer/graph-writer.service';
import { GraphEventFactory } from '../testing/graph-event.factory';
import { type GraphTestApp, startGraphTestApp } from '../testing/graph-test.app';
import { deleteSuiteGraph } from '../testing/graph-test.harness';
import { EarlyWarningService } from './early-warning.service';

describe(EarlyWarningService.name, () => {
  const prefix = uniqueId('gw');
  const f = new GraphEventFactory(prefix);
  let t: GraphTestApp;
  let alerts: CapturedRecord[];
  const ours = (): EarlyWarningEvent[] =>
    alerts
      .map((r) => JSON.parse(r.value?.toString() ?? '{}') as EarlyWarningEvent)
      .filter((e) => e.payload?.triggerCompanyId === f.id('D'));

  beforeAll(async () => {
    t = await startGraphTestApp(prefix);
    alerts = await t.kafka.capture([Topics.earlyWarning]);
  }, 120_000);

  afterAll(async () => {
    await deleteSuiteGraph(t.app.get(Neo4jService), prefix);
    await t.close();
  });

  it('should alert the live loans within 2 hops of a defaulted company with their paths and nothing further or matured', async () => {
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
    const got = await waitFor(() => (ours().length >= 3 ? ours() : undefined), 30_000, 'early warnings');

    expect(sent).toBe(3);
    expect(got.map((e) => [e.payload.loanId, e.payload.hops, e.payload.path, e.payload.relationships]).sort()).toEqual(
      [
        [f.id('loan-X'), 1, [f.id('D'), f.id('X')], ['GUARANTEES']],
        [f.id('loan-Y'), 2, [f.id('D'), f.token('phone:D'), f.id('Y')], ['HAS_PHONE', 'HAS_PHONE']],
        [f.id('loan-Z'), 2, [f.id('D'), f.id('X'), f.id('Z')], ['GUARANTEES', 'GUARANTEES']],
      ].sort(),
    );
    expect(got[0]?.payload.alertId).toBe(`${f.id('D')}:2023-03-01:${got[0]?.payload.loanId}`);
  }, 60_000);
});
