import type { TestingModule } from '@nestjs/testing';

import type { DomainEvent } from '@loanmesh/contracts';
import { Neo4jService } from '@loanmesh/neo4j';
import { WorldGeneratorService, worldOptions, type GeneratedWorld, type World } from '@loanmesh/world';

import { GraphWriterService } from '../apps/graph/src/graph-writer/graph-writer.service';
import { worldDomainEvents as worldEvents } from '../apps/graph/src/testing/world-domain-events';
import { graphTestModule, testConfig } from '../apps/graph/src/testing/graph-test.harness';
import { writeBenchResult, type BenchMetric } from './bench-result';

/** Bench data lives under its own id prefix in the shared Neo4j and is deleted afterwards. */
export const BENCH_PREFIX = 'bg-';
const KEY = 'graph-bench-hmac-key';
/**
 * Registration numbers are the one blocking key not already private to the bench (tokens use the bench's
 * HMAC key, addresses the prefix): without it, entity resolution linked bench companies to another
 * load of the same world in the shared Neo4j and rewrote those records' canonical ids.
 */
const REG_PREFIX = 'BG';

/** The bench's id prefixes and token key (see WorldEventIds). */
const BENCH_IDS = { idPrefix: BENCH_PREFIX, registrationPrefix: REG_PREFIX, tokenKey: KEY };
const pid = (id: string): string => `${BENCH_PREFIX}${id}`;

/** The world's backlog as domain events under the bench's prefixes. */
export function worldDomainEvents(w: World): DomainEvent[] {
  return worldEvents(w, BENCH_IDS);
}

export interface BuiltGraph {
  generated: GeneratedWorld;
  module: TestingModule;
  events: number;
  seconds: number;
}

/** Generates the default world and writes it through the graph writer, in batches of the service's GRAPH_BATCH_MAX_EVENTS. */
export async function buildWorldGraph(): Promise<BuiltGraph> {
  const generated = new WorldGeneratorService().generate(worldOptions(42, 1));
  const events = worldDomainEvents(generated.world);
  const config = testConfig();
  const module = await graphTestModule(config);
  await deleteBenchGraph(module.get(Neo4jService));
  const writer = module.get(GraphWriterService);
  const batch = config.GRAPH_BATCH_MAX_EVENTS;
  const started = performance.now();
  for (let i = 0; i < events.length; i += batch) {
    await writer.applyBatch(events.slice(i, i + batch));
  }
  return { generated, module, events: events.length, seconds: (performance.now() - started) / 1000 };
}

export async function deleteBenchGraph(neo4j: Neo4jService): Promise<void> {
  await neo4j.run(
    `MATCH (m:MatchCandidate) WHERE m.aId STARTS WITH $p OR m.bId STARTS WITH $p CALL (m) { DETACH DELETE m } IN TRANSACTIONS OF 10000 ROWS`,
    { p: BENCH_PREFIX },
  );
  await neo4j.run(
    `MATCH (n)-[:HAS_PHONE]->(x:Phone) WHERE n.id STARTS WITH $p WITH DISTINCT x CALL (x) { DETACH DELETE x } IN TRANSACTIONS OF 10000 ROWS`,
    { p: BENCH_PREFIX },
  );
  await neo4j.run(`MATCH (n) WHERE n.id STARTS WITH $p CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`, {
    p: BENCH_PREFIX,
  });
}

const COUNT_ENTITIES = `
MATCH (n) WHERE (n.id STARTS WITH $p OR (n:Phone AND EXISTS { (n)<-[:HAS_PHONE]-(o) WHERE o.id STARTS WITH $p }))
  AND NOT n:MatchCandidate
RETURN count(n) AS n`;

/** Precision and recall of SAME_AS links (auto-linked) against the generator's truth. */
export async function entityResolutionQuality(
  neo4j: Neo4jService,
  world: World,
): Promise<{ precision: number; recall: number; pending: number }> {
  const truth = new Set(world.truth.sameEntities.map((g) => [pid(g.ids[0]), pid(g.ids[1])].sort().join('|')));
  const links = await neo4j.read<{ a: string; b: string }>(
    `MATCH (a)-[:SAME_AS]->(b) WHERE a.id STARTS WITH $p RETURN a.id AS a, b.id AS b`,
    { p: BENCH_PREFIX },
    60_000,
  );
  const found = new Set(links.map((l) => [l.a, l.b].sort().join('|')));
  const tp = [...found].filter((k) => truth.has(k)).length;
  const pending = await neo4j.read<{ n: number }>(
    `MATCH (m:MatchCandidate {status: 'PENDING'}) WHERE m.aId STARTS WITH $p RETURN count(m) AS n`,
    { p: BENCH_PREFIX },
  );
  return {
    precision: found.size === 0 ? 0 : tp / found.size,
    recall: truth.size === 0 ? 0 : tp / truth.size,
    pending: pending[0]?.n ?? 0,
  };
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export async function run(): Promise<Record<string, BenchMetric>> {
  const built = await buildWorldGraph();
  const neo4j = built.module.get(Neo4jService);
  try {
    const [{ n }] = (await neo4j.read<{ n: number }>(COUNT_ENTITIES, { p: BENCH_PREFIX }, 120_000)) as [{ n: number }];
    const er = await entityResolutionQuality(neo4j, built.generated.world);
    const metrics: Record<string, BenchMetric> = {
      buildSeconds: { value: r3(built.seconds), unit: 's', target: 60, better: 'lower' },
      entityNodes: { value: n, unit: 'nodes', target: 120_000, better: 'higher' },
      eventsPerSecond: {
        value: Math.round(built.events / built.seconds),
        unit: 'events/s',
        target: 2000,
        better: 'higher',
      },
      erPrecision: { value: r3(er.precision), unit: 'ratio', target: 0.95, better: 'higher' },
      erRecall: { value: r3(er.recall), unit: 'ratio', target: 0.9, better: 'higher' },
      erPendingCandidates: { value: er.pending, unit: 'pairs', target: 500, better: 'lower' },
    };
    writeBenchResult('graph-build', metrics);
    return metrics;
  } finally {
    if (process.env.GRAPH_BENCH_KEEP !== '1') {
      await deleteBenchGraph(neo4j);
    }
    await built.module.close();
  }
}

if (require.main === module || process.argv[1]?.endsWith('graph-build.bench.ts')) {
  void run().then((metrics) => console.log(JSON.stringify(metrics, null, 2)));
}
