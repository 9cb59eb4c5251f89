import { createHmac, randomUUID } from 'node:crypto';

import type { TestingModule } from '@nestjs/testing';

import { CoreBankingEventTypes as T, type DomainEvent } from '@loanmesh/contracts';
import { Neo4jService } from '@loanmesh/neo4j';
import {
  addMonths,
  companySnapshot,
  formatAddress,
  formatPhone,
  isoDay,
  isoInstant,
  NEVER,
  normalizeAddress,
  normalizePhone,
  WorldGeneratorService,
  worldOptions,
  type GeneratedWorld,
  type World,
} from '@loanmesh/world';

import { GraphWriterService } from '../apps/graph/src/graph-writer/graph-writer.service';
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

const tok = (kind: string, value: string): string =>
  createHmac('sha256', KEY).update(`${kind}:${value}`).digest('hex').slice(0, 32);
const pid = (id: string): string => `${BENCH_PREFIX}${id}`;
const party = (w: World, kind: 'person' | 'company', i: number) => ({
  kind,
  id: pid(kind === 'person' ? w.persons[i].id : w.companies[i].id),
});

function ev(type: DomainEvent['type'], day: number, payload: unknown): DomainEvent {
  const at = isoInstant(day);
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: at,
    producedAt: at,
    source: 'bench',
    correlationId: 'bench',
    causationId: randomUUID(),
    payload,
  } as DomainEvent;
}

function address(w: World, index: number, style: number) {
  const a = formatAddress(w.addresses[index], style);
  return { key: `${BENCH_PREFIX}${normalizeAddress(a)}`, city: a.city, postcode: a.postcode };
}

/** The world's backlog as domain events, mapped like ingestion does (HMAC tokens, normalized addresses). */
export function worldDomainEvents(w: World): DomainEvent[] {
  const out: DomainEvent[] = [];
  const before = (day: number): boolean => day < w.nowDay;
  for (const c of w.companies.filter((x) => before(x.eventDay))) {
    const { companyId, ...snapshot } = companySnapshot(c, c.eventDay + 1, w);
    const payload = {
      ...snapshot,
      companyId: pid(companyId),
      version: 0,
      name: c.name,
      registrationNumber: `${REG_PREFIX}${c.registrationNumber}`,
      phoneToken: tok('phone', normalizePhone(formatPhone(w.phones[c.phone], c.style))),
      address: address(w, c.address, c.style),
    };
    out.push(ev(T.companyRegistered, c.eventDay, payload));
  }
  for (const p of w.persons.filter((x) => before(x.firstDay))) {
    out.push(
      ev(T.personRegistered, p.firstDay, {
        personId: pid(p.id),
        version: 0,
        nationalIdToken: tok('nid', p.nationalId),
        fullName: p.fullName,
        birthYear: p.birthYear,
        phoneToken: tok('phone', normalizePhone(formatPhone(w.phones[p.phone], p.style))),
        address: address(w, p.address, p.style),
      }),
    );
  }
  for (const a of w.accounts.filter((x) => before(x.openedDay))) {
    out.push(
      ev(T.accountOpened, a.openedDay, {
        accountId: pid(a.id),
        owner: party(w, a.ownerKind, a.owner),
        accountToken: tok('account', a.accountNumber),
        openedAt: isoDay(a.openedDay),
      }),
    );
  }
  w.directors
    .filter((d) => before(d.fromDay))
    .forEach((d) =>
      out.push(
        ev(T.directorLinked, d.fromDay, {
          companyId: pid(w.companies[d.company].id),
          personId: pid(w.persons[d.person].id),
          role: d.role,
          validFrom: isoDay(d.fromDay),
        }),
      ),
    );
  w.shareholders
    .filter((s) => before(s.fromDay))
    .forEach((s) =>
      out.push(
        ev(T.shareholderLinked, s.fromDay, {
          companyId: pid(w.companies[s.company].id),
          holder: party(w, s.holderKind, s.holder),
          share: s.share,
          validFrom: isoDay(s.fromDay),
        }),
      ),
    );
  w.suppliers
    .filter((s) => before(s.fromDay))
    .forEach((s) =>
      out.push(
        ev(T.supplierLinked, s.fromDay, {
          supplierCompanyId: pid(w.companies[s.supplier].id),
          customerCompanyId: pid(w.companies[s.customer].id),
          yearlyVolume: s.volume,
          validFrom: isoDay(s.fromDay),
        }),
      ),
    );
  out.push(...loanEvents(w));
  for (const r of w.records.filter((x) => before(x.filedDay))) {
    out.push(
      ev(T.publicRecordFiled, r.filedDay, {
        recordId: pid(r.id),
        subject: party(w, r.subjectKind, r.subject),
        kind: r.kind,
        amount: r.amount,
        filedAt: isoDay(r.filedDay),
        status: r.status,
      }),
    );
  }
  return out;
}

function loanEvents(w: World): DomainEvent[] {
  const out: DomainEvent[] = [];
  for (const l of w.loans.filter((x) => x.submittedDay < w.nowDay)) {
    const companyId = pid(w.companies[l.company].id);
    out.push(
      ev(T.applicationSubmitted, l.submittedDay, {
        applicationId: pid(l.applicationId),
        companyId,
        amount: l.amount,
        termMonths: l.termMonths,
        purpose: l.purpose,
        submittedAt: isoInstant(l.submittedDay, l.submittedSecond),
        guarantors: [],
      }),
    );
    if (l.disbursedDay >= w.nowDay) {
      continue;
    }
    out.push(
      ev(T.loanDisbursed, l.disbursedDay, {
        loanId: pid(l.id),
        applicationId: pid(l.applicationId),
        companyId,
        amount: l.amount,
        termMonths: l.termMonths,
        purpose: l.purpose,
        interestRate: l.interestRate,
        disbursedAt: isoDay(l.disbursedDay),
        maturityAt: isoDay(addMonths(l.disbursedDay, l.termMonths)),
      }),
    );
    for (const g of l.guarantees.map((i) => w.guarantees[i])) {
      out.push(
        ev(T.guaranteeRegistered, g.fromDay, {
          guaranteeId: pid(g.id),
          loanId: pid(l.id),
          borrowerCompanyId: companyId,
          guarantor: party(w, g.guarantorKind, g.guarantor),
          amount: g.amount,
          validFrom: isoDay(g.fromDay),
          ...(g.toDay < NEVER ? { validTo: isoDay(g.toDay) } : {}),
        }),
      );
    }
    if (l.defaulted && l.defaultDay < w.nowDay) {
      out.push(
        ev(T.loanDefaulted, l.defaultDay, {
          loanId: pid(l.id),
          companyId,
          exposure: l.amount,
          defaultedAt: isoDay(l.defaultDay),
        }),
      );
    }
  }
  return out;
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
