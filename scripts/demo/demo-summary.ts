import { Kafka, logLevel } from 'kafkajs';

import { decisionMadeRegistry, type DecisionMadeEvent, parseEvent, Topics } from '@loanmesh/contracts';

import { decisionStats } from './decision-stats';

/**
 * Waits for the decisions of the demo's live applications (submitted after --since) and
 * prints automation rate, outcomes and time to decision. Usage: demo-summary <sinceMs> <expected> [timeoutS]
 */
async function main(): Promise<void> {
  const [sinceArg, expectedArg, timeoutArg] = process.argv.slice(2);
  const since = Number(sinceArg);
  const expected = Number(expectedArg);
  const deadline = Date.now() + Number(timeoutArg ?? 600) * 1000;
  if (!Number.isFinite(since) || !Number.isFinite(expected)) {
    console.error('usage: demo-summary <sinceMs> <expectedDecisions> [timeoutSeconds]');
    process.exit(2);
  }
  const decisions = new Map<string, DecisionMadeEvent>();
  const kafka = new Kafka({ brokers: ['127.0.0.1:9092'], clientId: 'demo-summary', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `demo-summary-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.decisionMade, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      try {
        const e = parseEvent<DecisionMadeEvent>(message.value, decisionMadeRegistry);
        if ((e.payload.hops.submittedAt ?? 0) >= since) {
          decisions.set(e.payload.applicationId + ':' + e.payload.decidedBy, e);
        }
      } catch {
        // Not a decision this summary can read; the review service's own DLQ covers its inputs.
      }
      return Promise.resolve();
    },
  });
  let last = -1;
  while (Date.now() < deadline && new Set([...decisions.values()].map((d) => d.payload.applicationId)).size < expected) {
    const n = decisions.size;
    if (n !== last) {
      process.stdout.write(`\r[demo] decisions received: ${n}/${expected}   `);
      last = n;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await consumer.disconnect();
  const firstDecisionPerApp = new Map<string, DecisionMadeEvent>();
  for (const d of decisions.values()) {
    if (!firstDecisionPerApp.has(d.payload.applicationId)) {
      firstDecisionPerApp.set(d.payload.applicationId, d);
    }
  }
  const s = decisionStats([...firstDecisionPerApp.values()]);
  console.log('\n');
  console.log('=== LoanMesh demo summary');
  console.log(`applications decided : ${s.decisions} of ${expected}`);
  console.log(`automation rate      : ${(s.automationRate * 100).toFixed(1)}% (${s.automatic} automatic)`);
  console.log(`outcomes             : ${Object.entries(s.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`time to decision     : p50 ${s.timeToDecisionMs.p50} ms, p95 ${s.timeToDecisionMs.p95} ms, p99 ${s.timeToDecisionMs.p99} ms (automatic, event to decision)`);
}

main().catch((e: unknown) => {
  console.error(`demo-summary failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
