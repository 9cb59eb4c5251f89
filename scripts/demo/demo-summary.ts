import { isLiveRunApplicationId } from '@loanmesh/contracts';

import { accountingLines, decidedCount, progressLine, runBalances } from './accounting-summary';
import { DecisionCollector } from './decision-collector';
import { decisionStats } from './decision-stats';
import { hopBreakdown } from './hop-breakdown';
import { ReviewAccountingClient, waitUntilAccounted } from './review-accounting.client';

/**
 * Waits until every application of the demo's live run is accounted for (review's
 * GET /applications/accounting: decided, parked, dead-lettered or history, none in flight)
 * or the timeout, then prints automation rate, outcomes, time to decision and where every
 * application is. Exits 1 when the run does not balance.
 * Usage: demo-summary <run> <sinceMs> <published> [timeoutS]
 */
async function main(): Promise<void> {
  const [runArg, sinceArg, publishedArg, timeoutArg] = process.argv.slice(2);
  const run = Number(runArg);
  const since = Number(sinceArg);
  const published = Number(publishedArg);
  if (![run, since, published].every(Number.isFinite)) {
    console.error('usage: demo-summary <liveRun> <sinceMs> <publishedApplications> [timeoutSeconds]');
    process.exit(2);
  }
  const collector = new DecisionCollector(since, undefined, (id) => isLiveRunApplicationId(run, id));
  await collector.start(true);
  const accounting = await waitUntilAccounted(
    new ReviewAccountingClient(),
    run,
    published,
    Number(timeoutArg ?? 600) * 1000,
    (a) => process.stdout.write(`\r${progressLine(a, published)}`),
  );
  // Decision events follow the ledger through the outbox: let the collector catch up.
  await collector.waitFor(decidedCount(accounting), 15_000);
  await collector.stop();
  const s = decisionStats(collector.decisions);
  const hops = hopBreakdown(collector.decisions);
  console.log('\n');
  console.log('=== LoanMesh demo summary');
  console.log(`applications decided : ${s.decisions} of ${published}`);
  console.log(
    `automation rate      : ${(s.automationRate * 100).toFixed(1)}% (${s.automatic} approved or declined automatically; the rest referred to officers)`,
  );
  console.log(
    `outcomes             : ${Object.entries(s.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `time to decision     : p50 ${s.timeToDecisionMs.p50} ms, p95 ${s.timeToDecisionMs.p95} ms, p99 ${s.timeToDecisionMs.p99} ms (automatic approvals and declines, application event to decision event)`,
  );
  console.log(
    `per hop (p50/p99 ms) : ${Object.entries(hops)
      .map(([k, v]) => `${k} ${v.p50}/${v.p99}`)
      .join(', ')}`,
  );
  accountingLines(accounting, published).forEach((line) => console.log(line));
  if (!runBalances(accounting, published)) {
    console.log(`[demo] run ${run} does not balance: see docs/operations.md, "Where is an application?"`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(`demo-summary failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
