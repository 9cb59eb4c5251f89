import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { writeBenchResult } from '../bench-result';
import { loadFuzzConfig } from './fuzz.config';
import { consumerStops, formatReport, fuzzMetrics } from './fuzz-report';
import { runFuzz } from './fuzz-run';

/**
 * `npm run fuzz` (scripts/fuzz.sh starts the fuzz's own Kafka and Neo4j first): mutated
 * records into every service's inbound topic, the books checked per consumer, figures in
 * bench/results/fuzz.json. Exits 1 when any record is unaccounted or any consumer stopped.
 */
async function main(): Promise<void> {
  const config = loadFuzzConfig();
  const seed = config.FUZZ_SEED ?? Date.now() % 1_000_000;
  console.log(
    `[fuzz] FUZZ_SEED=${seed} FUZZ_RECORDS=${config.FUZZ_RECORDS} FUZZ_DOWNSTREAM_RECORDS=${config.FUZZ_DOWNSTREAM_RECORDS}`,
  );
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  const result = await runFuzz({
    signal: abort.signal,
    seed,
    records: config.FUZZ_RECORDS,
    downstreamRecords: config.FUZZ_DOWNSTREAM_RECORDS,
    stallMs: config.FUZZ_STALL_MS,
    timeoutMs: config.FUZZ_TIMEOUT_MS,
    httpPort: config.FUZZ_HTTP_PORT,
    dbPrefix: 'loanmesh_fuzz',
  });
  console.log(`\n${formatReport(result)}`);
  const file = writeBenchResult('fuzz', fuzzMetrics(result));
  const details = join(__dirname, '..', '..', 'test-results', 'fuzz-details.json');
  writeFileSync(details, JSON.stringify(result, null, 2));
  console.log(`\n${file}\ndetails (per mutator, mismatches, service logs): ${details}`);
  const unaccounted = result.books.reduce((s, b) => s + Math.abs(b.unaccounted), 0);
  const stuck = result.canaries.reduce((s, c) => s + c.stuckPartitions.length, 0);
  if (unaccounted > 0 || consumerStops(result) > 0 || stuck > 0) {
    console.error(
      `[fuzz] FAILED: ${unaccounted} unaccounted, ${consumerStops(result)} consumer stops, ${stuck} stuck canary partitions`,
    );
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
