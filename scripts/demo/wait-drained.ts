import { logLevel } from 'kafkajs';

import { plaintextKafkaConnection } from '@loanmesh/config';
import { createKafkaClient } from '@loanmesh/kafka';

import { ingestionOutboxBacklog, pipelineStages, waitUntilDrained } from './pipeline-lag';

/** Waits until every stage has caught up with its backlog, printing the remaining lag. */
async function main(): Promise<void> {
  const timeoutMs = Number(process.argv[2] ?? 900) * 1000;
  const kafka = createKafkaClient(plaintextKafkaConnection(['127.0.0.1:9092']), 'demo-wait', {
    logLevel: logLevel.NOTHING,
  });
  const stages = pipelineStages();
  const outbox = ingestionOutboxBacklog('http://127.0.0.1:3001');
  const drained = await waitUntilDrained(
    kafka,
    stages,
    timeoutMs,
    (lags) =>
      process.stdout.write(
        `\r[demo] backlog still to process: ${[...stages.map((s) => s.label), 'ingestion outbox'].map((l, i) => `${l} ${lags[i]}`).join(', ')}        `,
      ),
    [outbox],
  );
  console.log(
    drained
      ? '\n[demo] backlog processed'
      : '\n[demo] WARNING: backlog not fully processed before the deadline; continuing',
  );
}

main().catch((e: unknown) => {
  console.error(`wait-drained failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
