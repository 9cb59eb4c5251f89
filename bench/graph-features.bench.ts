import { GRAPH_FEATURE_NAMES, type GraphFeatures } from '@loanmesh/contracts';
import { Neo4jService } from '@loanmesh/neo4j';
import { ConcurrencyLimiter } from '@loanmesh/observability';
import {
  companySnapshot,
  GraphFeatureCalculator,
  isoDay,
  isoInstant,
  WorldGeneratorService,
  worldOptions,
} from '@loanmesh/world';

import { GraphFeaturesService } from '../apps/graph/src/graph-features/graph-features.service';
import { GraphMemoryService } from '../apps/graph/src/graph-memory/graph-memory.service';
import { graphTestModule, testConfig } from '../apps/graph/src/testing/graph-test.harness';
import { writeBenchResult, type BenchMetric } from './bench-result';
import { BENCH_PREFIX, buildWorldGraph, deleteBenchGraph } from './graph-build.bench';

const RATE = 100;
const REQUESTS = 1000;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Reuses a kept bench graph (GRAPH_BENCH_KEEP=1 on graph-build) or builds it. */
async function ensureGraph() {
  const module = await graphTestModule();
  const neo4j = module.get(Neo4jService);
  const rows = await neo4j.read<{ n: number }>(`MATCH (c:Company) WHERE c.id STARTS WITH $p RETURN count(c) AS n`, {
    p: BENCH_PREFIX,
  });
  if ((rows[0]?.n ?? 0) > 20_000) {
    return { module, generated: new WorldGeneratorService().generate(worldOptions(42, 1)) };
  }
  await module.close();
  return buildWorldGraph();
}

/**
 * Open-loop load at 100 applications/s over the last year's applications of the default world,
 * served like the service does: a bounded worker pool (GRAPH_FEATURE_WORKERS), the filing as
 * submitted (company snapshot of the application day), latency from the scheduled arrival.
 */
export async function run(): Promise<Record<string, BenchMetric>> {
  const { module, generated } = await ensureGraph();
  const { world, graph } = generated;
  const sut = module.get(GraphFeaturesService);
  const pool = new ConcurrencyLimiter(testConfig().GRAPH_FEATURE_WORKERS);
  try {
    const loans = world.loans
      .filter((l) => l.submittedDay >= world.nowDay - 365 && l.submittedDay < world.nowDay)
      .slice(-REQUESTS);
    const latencies: number[] = [];
    let failures = 0;
    const results: { features: GraphFeatures; company: number; day: number }[] = [];
    const start = performance.now() + 100;
    await Promise.all(
      loans.map(async (l, i) => {
        const arrival = start + (i * 1000) / RATE;
        await new Promise((r) => setTimeout(r, arrival - performance.now()));
        const { registeredAt, registeredCapital, employees, annualRevenue } = companySnapshot(
          world.companies[l.company],
          l.submittedDay,
          world,
        );
        try {
          const res = await pool.run(() =>
            sut.compute(
              `${BENCH_PREFIX}${world.companies[l.company].id}`,
              isoInstant(l.submittedDay, l.submittedSecond),
              { registeredAt, registeredCapital, employees, annualRevenue },
              800,
            ),
          );
          results.push({ features: res.features, company: l.company, day: l.submittedDay });
        } catch {
          failures++;
        }
        latencies.push(performance.now() - arrival);
      }),
    );
    latencies.sort((a, b) => a - b);
    const agreement = featureAgreement(results, new GraphFeatureCalculator(world, graph));
    const circles = await plantedCirclesFound(sut, world.truth.guaranteeCircles, isoDay(world.nowDay));
    console.log({
      memoryReady: module.get(GraphMemoryService).ready,
      memory: module.get(GraphMemoryService).size,
      p999Ms: r2(percentile(latencies, 99.9)),
      maxMs: r2(latencies[latencies.length - 1] ?? 0),
    });
    const metrics: Record<string, BenchMetric> = {
      p50Ms: { value: r2(percentile(latencies, 50)), unit: 'ms', target: 20, better: 'lower' },
      p99Ms: { value: r2(percentile(latencies, 99)), unit: 'ms', target: 50, better: 'lower' },
      failedShare: { value: r2(failures / loans.length), unit: 'ratio', target: 0, better: 'lower' },
      applicationsPerSecond: { value: RATE, unit: 'applications/s', target: 100, better: 'higher' },
      featureAgreementWithWorld: { value: r2(agreement), unit: 'ratio', target: 0.95, better: 'higher' },
      plantedCirclesFound: { value: r2(circles), unit: 'ratio', target: 1, better: 'higher' },
    };
    writeBenchResult('graph-features', metrics);
    return metrics;
  } finally {
    if (process.env.GRAPH_BENCH_KEEP !== '1') {
      await deleteBenchGraph(module.get(Neo4jService));
    }
    await module.close();
  }
}

/** Share of (application, feature) values equal (to 1e-6) to the generator's in-memory definitions. */
function featureAgreement(
  results: { features: GraphFeatures; company: number; day: number }[],
  calc: GraphFeatureCalculator,
): number {
  let equal = 0;
  const misses = new Map<string, number>();
  const examples: { name: string; company: number; day: number; expected: number; got: number }[] = [];
  for (const r of results) {
    const expected = calc.compute(r.company, r.day);
    for (const name of GRAPH_FEATURE_NAMES) {
      if (Math.abs(expected[name] - r.features[name]) <= 1e-6) {
        equal++;
      } else {
        misses.set(name, (misses.get(name) ?? 0) + 1);
        examples.push({ name, company: r.company, day: r.day, expected: expected[name], got: r.features[name] });
      }
    }
  }
  console.log('feature disagreements by feature:', Object.fromEntries(misses));
  console.log('examples:', examples.slice(0, 8));
  return equal / (results.length * GRAPH_FEATURE_NAMES.length);
}

async function plantedCirclesFound(sut: GraphFeaturesService, circles: string[][], asOf: string): Promise<number> {
  let found = 0;
  for (const circle of circles) {
    const res = await sut.compute(`${BENCH_PREFIX}${circle[0]}`, asOf, undefined, 5000);
    found += res.features.inGuaranteeCircle;
  }
  return circles.length === 0 ? 0 : found / circles.length;
}

if (require.main === module || process.argv[1]?.endsWith('graph-features.bench.ts')) {
  void run().then((metrics) => console.log(JSON.stringify(metrics, null, 2)));
}
