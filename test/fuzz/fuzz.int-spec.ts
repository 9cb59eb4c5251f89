import { consumerStops, formatReport } from '../../bench/fuzz/fuzz-report';
import { type FuzzRunResult, runFuzz } from '../../bench/fuzz/fuzz-run';

/**
 * The short fuzz (`npm run fuzz` runs 20,000+ records): a few hundred mutated records into
 * every service's inbound topic, the four services as real processes on the test Kafka,
 * Neo4j and PostgreSQL. Every record must be stored, a duplicate or dead-lettered, no
 * consumer may stop, and a valid record per partition afterwards must go through.
 */
describe('fuzzed input through the four services (real Kafka, Neo4j, PostgreSQL)', () => {
  const seed = 20261202;
  let result: FuzzRunResult;

  beforeAll(async () => {
    result = await runFuzz({
      seed,
      records: 300,
      downstreamRecords: 40,
      stallMs: 20_000,
      timeoutMs: 40_000,
      canaryTimeoutMs: 20_000,
      httpPort: 25111,
      dbPrefix: 'loanmesh_fuzz_it',
      log: () => undefined,
    });
    process.stdout.write(`${formatReport(result)}\n`);
  }, 180_000);

  it('should account for every record as stored, duplicate or dead-lettered when the records are fuzzed', () => {
    const coreBanking = result.books.find((b) => b.service === 'ingestion')!;

    expect(coreBanking.sent).toBeGreaterThanOrEqual(290);
    expect(result.books.filter((b) => b.unaccounted !== 0)).toEqual([]);
  });

  it('should keep every consumer running when the records are fuzzed', () => {
    expect(result.health.filter((h) => h.exited !== null || h.liveFailures > 0)).toEqual([]);
    expect(consumerStops(result)).toBe(0);
    expect(result.lags.filter((l) => l.lag > 0)).toEqual([]);
  });

  it('should process a valid record on every partition after the fuzz', () => {
    expect(result.canaries.filter((c) => c.stuckPartitions.length > 0)).toEqual([]);
    expect(result.canaries.every((c) => c.sent > 0)).toBe(true);
  });
});
