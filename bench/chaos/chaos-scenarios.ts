import {
  addLatency,
  dropConnections,
  type FaultContext,
  type FaultWindow,
  killAndRestart,
  killKafka,
  stallLinks,
  stopNeo4j,
  terminatePg,
} from './fault-injectors';
import { PG_LINKS } from './chaos-stack';
import { SERVICE_NAMES } from './service-supervisor';

export interface ChaosScenario {
  name: string;
  description: string;
  /** Nominal seconds from injection to the fault's end; the stream runs at least 45 s past it. */
  faultSeconds: number;
  /** Needs the suite's own Kafka and Neo4j (not the tests' shared ones). */
  ownsInfra: boolean;
  inject(ctx: FaultContext): Promise<FaultWindow>;
}

/** Seconds a killed service stays down before its restart. */
export const KILL_DOWN_SECONDS = 5;

const kills: ChaosScenario[] = SERVICE_NAMES.map((s) => ({
  name: `kill-${s}`,
  description: `kill -9 of ${s} mid-stream, restarted ${KILL_DOWN_SECONDS} s later`,
  faultSeconds: KILL_DOWN_SECONDS,
  ownsInfra: false,
  inject: (ctx: FaultContext) => killAndRestart(ctx, [s], KILL_DOWN_SECONDS),
}));

/** Every scenario of `npm run chaos`, in the order they run. */
export const SCENARIOS: ChaosScenario[] = [
  {
    name: 'baseline',
    description: 'no fault: what the same stream does on this machine without one, to read the others against',
    faultSeconds: 0,
    ownsInfra: false,
    inject: () => Promise.resolve({ start: Date.now(), end: Date.now(), notes: ['no fault'] }),
  },
  ...kills,
  {
    name: 'kill-two',
    description: `kill -9 of graph and review at once, both restarted ${KILL_DOWN_SECONDS} s later`,
    faultSeconds: KILL_DOWN_SECONDS,
    ownsInfra: false,
    inject: (ctx) => killAndRestart(ctx, ['graph', 'review'], KILL_DOWN_SECONDS),
  },
  {
    name: 'kafka-restart',
    description: 'kill -9 of the Kafka broker, restarted 3 s later on the same data directory',
    faultSeconds: 3,
    ownsInfra: true,
    inject: (ctx) => killKafka(ctx, 3),
  },
  {
    name: 'pg-terminate',
    description: 'pg_terminate_backend on every connection to the chaos database, 4 times 5 s apart',
    faultSeconds: 15,
    ownsInfra: false,
    inject: (ctx) => terminatePg(ctx, 4, 5),
  },
  {
    name: 'pg-stall',
    description: 'every PostgreSQL link (ingestion, inference, review) stalled 20 s by its proxy',
    faultSeconds: 20,
    ownsInfra: false,
    inject: (ctx) => stallLinks(ctx, PG_LINKS, 20),
  },
  {
    name: 'neo4j-stop',
    description: 'Neo4j stopped for 30 s, then started again',
    faultSeconds: 40,
    ownsInfra: true,
    inject: (ctx) => stopNeo4j(ctx, 30),
  },
  {
    name: 'proxy-latency',
    description: 'ingestion ↔ PostgreSQL: 100 ms added each way for 20 s',
    faultSeconds: 20,
    ownsInfra: false,
    inject: (ctx) => addLatency(ctx, 'ingestion-pg', 100, 20),
  },
  {
    name: 'proxy-drop',
    description: 'graph ↔ Neo4j: every connection reset every 2 s for 20 s',
    faultSeconds: 20,
    ownsInfra: false,
    inject: (ctx) => dropConnections(ctx, 'graph-neo4j', 2, 20),
  },
];

/** The scenarios named (all when none); throws on an unknown name. */
export function selectScenarios(names: readonly string[]): ChaosScenario[] {
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new Error(
      `unknown scenario(s): ${unknown.join(', ')}; available: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  }
  return names.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => names.includes(s.name));
}
