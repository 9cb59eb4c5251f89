import { DecisionCollector } from './decision-collector';
import { decisionStats } from './decision-stats';
import { hopBreakdown } from './hop-breakdown';

/**
 * Waits for the decisions of the demo's live applications (submitted after <sinceMs>) and
 * prints automation rate, outcomes and time to decision. Usage: demo-summary <sinceMs> <expected> [timeoutS]
 */
async function main(): Promise<void> {
  const [sinceArg, expectedArg, timeoutArg] = process.argv.slice(2);
  const since = Number(sinceArg);
  const expected = Number(expectedArg);
  if (!Number.isFinite(since) || !Number.isFinite(expected)) {
    console.error('usage: demo-summary <sinceMs> <expectedDecisions> [timeoutSeconds]');
    process.exit(2);
  }
  const collector = new DecisionCollector(since);
  await collector.start(true);
  await collector.waitFor(expected, Number(timeoutArg ?? 600) * 1000, (n) =>
    process.stdout.write(`\r[demo] decisions received: ${n}/${expected}   `),
  );
  await collector.stop();
  const s = decisionStats(collector.decisions);
  const hops = hopBreakdown(collector.decisions);
  console.log('\n');
  console.log('=== LoanMesh demo summary');
  console.log(`applications decided : ${s.decisions} of ${expected}`);
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
}

main().catch((e: unknown) => {
  console.error(`demo-summary failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
