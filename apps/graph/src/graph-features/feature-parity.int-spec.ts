import type { TestingModule } from '@nestjs/testing';

import { GRAPH_FEATURE_NAMES, type GraphFeatures } from '@loanmesh/contracts';
import { Neo4jService } from '@loanmesh/neo4j';
import { uniqueId, waitFor } from '@loanmesh/testing';
import {
  companySnapshot,
  GraphFeatureCalculator,
  isoInstant,
  ResolvedWorldIdentity,
  WorldGeneratorService,
  worldOptions,
  type GeneratedWorld,
} from '@loanmesh/world';

import { EntityResolutionService } from '../entity-resolution/entity-resolution.service';
import { GraphMemoryService } from '../graph-memory/graph-memory.service';
import { GraphWriterService } from '../graph-writer/graph-writer.service';
import { deleteSuiteGraph, graphTestModule, testConfig } from '../testing/graph-test.harness';
import { worldDomainEvents } from '../testing/world-domain-events';
import { GraphFeaturesService } from './graph-features.service';

/** Shares and scores: the definitions round to 1e-6, so any real difference is far above this. */
const RATIOS: ReadonlySet<keyof GraphFeatures> = new Set([
  'defaultedNeighbourShare',
  'judgmentNeighbourShare',
  'shellScore',
  'directorNetworkDefaultRate',
  'customerConcentration',
  'communityDefaultRate',
]);
const toleranceOf = (name: keyof GraphFeatures): number => (RATIOS.has(name) ? 1e-9 : 0);
const SAMPLE = 250;
const QUERY_TIMEOUT_MS = 30_000;

interface Mismatch {
  application: string;
  feature: string;
  path: 'neo4j' | 'memory';
  world: number;
  served: number;
}

jest.setTimeout(600_000);

/**
 * The 19 graph features of the same applications through the three paths that supply their
 * facts: the world generator's calculator (training), the graph service's Cypher path and its
 * in-memory path (serving), all assembled by `@loanmesh/features`, on a small world written
 * through the graph writer into the real Neo4j. Any difference fails, with every mismatch
 * listed. Training resolves entities with the graph service's matcher: the links the world
 * makes must be the ones the graph service stored.
 */
describe('Graph feature parity: training (world) against serving (Neo4j, in-memory)', () => {
  const prefix = `${uniqueId('fp')}-`;
  let module: TestingModule;
  let generated: GeneratedWorld;

  beforeAll(async () => {
    generated = new WorldGeneratorService().generate(worldOptions(7, 0.05));
    module = await graphTestModule(testConfig({ GRAPH_MEMORY_ENABLED: 'true' }));
    const events = worldDomainEvents(generated.world, {
      idPrefix: prefix,
      registrationPrefix: prefix.toUpperCase(),
      tokenKey: `${prefix}hmac`,
    });
    const writer = module.get(GraphWriterService);
    for (let i = 0; i < events.length; i += 500) {
      await writer.applyBatch(events.slice(i, i + 500));
    }
    const memory = module.get(GraphMemoryService);
    await waitFor(() => (memory.ready ? true : undefined), 120_000, 'the in-memory graph loaded');
  });

  afterAll(async () => {
    if (module) {
      await deleteSuiteGraph(module.get(Neo4jService), prefix);
      await module.close();
    }
  });

  it('should make the same SAME_AS links and review candidates when the world resolves with the shared matcher', async () => {
    const { world } = generated;
    const resolved = new ResolvedWorldIdentity(world);
    const recordId = (kind: string, index: string): string =>
      `${prefix}${kind === 'company' ? world.companies[Number(index)].id : world.persons[Number(index)].id}`;
    const pairOf = (kind: string, a: string, b: string): string => `${kind}:${[a, b].sort().join(':')}`;
    const worldSide = resolved.candidates.map(
      (c) => `${c.status} ${pairOf(c.kind, recordId(c.kind, c.aId), recordId(c.kind, c.bId))}`,
    );

    const stored = await module.get(EntityResolutionService).list(null, 1_000_000);
    const served = stored
      .filter((c) => String(c.aId).startsWith(prefix))
      .map((c) => `${c.status} ${pairOf(String(c.kind), String(c.aId), String(c.bId))}`);

    expect(resolved.links.length).toBeGreaterThan(0);
    expect(worldSide.sort()).toEqual(served.sort());
  });

  it('should give every sampled application the same 19 features on all three paths', async () => {
    const { world, graph } = generated;
    // Training's resolution: the graph service's matcher run over the world's records.
    const calculator = new GraphFeatureCalculator(world, graph, new ResolvedWorldIdentity(world));
    const sut = module.get(GraphFeaturesService);
    const loans = sampleApplications(generated);
    const mismatches: Mismatch[] = [];
    const fired = new Map<string, number>();

    for (const l of loans) {
      const company = world.companies[l.company];
      const { registeredAt, registeredCapital, employees, annualRevenue } = companySnapshot(
        company,
        l.submittedDay,
        world,
      );
      const profile = { registeredAt, registeredCapital, employees, annualRevenue };
      const asOf = isoInstant(l.submittedDay, l.submittedSecond);
      const expected = calculator.compute(l.company, l.submittedDay);
      const cypher = await sut.computeWithCypher(`${prefix}${company.id}`, asOf, profile, QUERY_TIMEOUT_MS);
      const memory = await sut.computeInMemory(`${prefix}${company.id}`, asOf, profile);
      for (const name of GRAPH_FEATURE_NAMES) {
        fired.set(name, (fired.get(name) ?? 0) + (expected[name] !== 0 ? 1 : 0));
        for (const [path, got] of [
          ['neo4j', cypher.features],
          ['memory', memory.features],
        ] as const) {
          if (!(Math.abs(expected[name] - got[name]) <= toleranceOf(name))) {
            mismatches.push({
              application: l.applicationId,
              feature: name,
              path,
              world: expected[name],
              served: got[name],
            });
          }
        }
      }
    }

    expect(loans.length).toBeGreaterThanOrEqual(SAMPLE);
    // The sample must exercise the network features, or equality would prove little.
    expect(
      ['inGuaranteeCircle', 'sharedIdentifierCompanies', 'directorNetworkSize', 'nearestDefaultFound'].map(
        (n) => (fired.get(n) ?? 0) > 0,
      ),
    ).toEqual([true, true, true, true]);
    expect(mismatches).toEqual([]);
  });
});

/** Every application of a planted structure's member, then the latest others up to SAMPLE. */
function sampleApplications({ world }: GeneratedWorld): GeneratedWorld['world']['loans'] {
  const planted = new Set(
    [
      ...world.truth.guaranteeCircles.flat(),
      ...world.truth.reciprocalGuarantees.flat(),
      ...world.truth.fraudRings.flatMap((r) => r.members),
      ...world.truth.shellCompanies,
      ...world.truth.circularOwnership.flat(),
    ].map((id) => id),
  );
  const loans = world.loans.filter((l) => l.submittedDay < world.nowDay);
  const inPlanted = loans.filter((l) => planted.has(world.companies[l.company].id));
  const others = loans.filter((l) => !planted.has(world.companies[l.company].id)).slice(-SAMPLE);
  return [...inPlanted, ...others];
}
