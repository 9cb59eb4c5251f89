import { Client } from 'pg';

import type { ChaosInfra } from './chaos-infra';
import type { ChaosStack, ProxyLink } from './chaos-stack';
import type { ServiceName } from './service-supervisor';

/** When a fault was in force (ms): recovery is measured from `end`. */
export interface FaultWindow {
  start: number;
  end: number;
  notes: string[];
}

export interface FaultContext {
  stack: ChaosStack;
  /** Absent when the suite runs on infrastructure it does not own (the integration test). */
  infra?: ChaosInfra;
  log: (line: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function needInfra(ctx: FaultContext): ChaosInfra {
  if (!ctx.infra) {
    throw new Error('this fault needs the chaos suite’s own Kafka and Neo4j');
  }
  return ctx.infra;
}

/** `kill -9` of the services at once, restarted `downSeconds` later; the fault ends at the restart. */
export async function killAndRestart(
  ctx: FaultContext,
  services: ServiceName[],
  downSeconds: number,
): Promise<FaultWindow> {
  const start = Date.now();
  const pids = services.map((s) => `${s} pid ${ctx.stack.supervisor.pid(s)}`);
  await Promise.all(services.map((s) => ctx.stack.supervisor.kill9(s)));
  ctx.log(`kill -9 ${pids.join(', ')}`);
  await sleep(downSeconds * 1000);
  const end = Date.now();
  services.forEach((s) => ctx.stack.supervisor.start(s));
  ctx.log(`restarted ${services.join(', ')}`);
  return { start, end, notes: [`killed ${pids.join(', ')}; restarted after ${downSeconds} s`] };
}

/** `kill -9` of the broker, restarted on the same data directory `downSeconds` later. */
export async function killKafka(ctx: FaultContext, downSeconds: number): Promise<FaultWindow> {
  const infra = needInfra(ctx);
  const start = Date.now();
  const pid = await infra.killKafka();
  ctx.log(`kill -9 kafka (pid ${pid})`);
  await sleep(downSeconds * 1000);
  const end = Date.now();
  const started = Date.now();
  await infra.up();
  ctx.log(`kafka restarted (ready after ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return {
    start,
    end,
    notes: [
      `broker pid ${pid} killed; restarted after ${downSeconds} s, ready ${((Date.now() - end) / 1000).toFixed(1)} s later`,
    ],
  };
}

/** `pg_terminate_backend` on every connection to the chaos database (only it: filtered by datname), `rounds` times. */
export async function terminatePg(ctx: FaultContext, rounds: number, everySeconds: number): Promise<FaultWindow> {
  const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  const start = Date.now();
  const killed: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      if (i > 0) {
        await sleep(everySeconds * 1000);
      }
      const res = await admin.query<{ n: number }>(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [ctx.stack.db.name],
      );
      killed.push(res.rows[0]?.n ?? 0);
      ctx.log(`pg_terminate_backend: ${killed[i]} connections to ${ctx.stack.db.name}`);
    }
  } finally {
    await admin.end();
  }
  return { start, end: Date.now(), notes: [`connections terminated per round: ${killed.join(', ')}`] };
}

/** Every PostgreSQL link goes silent (bytes held, new connections unanswered) for `seconds`. */
export async function stallLinks(
  ctx: FaultContext,
  links: readonly ProxyLink[],
  seconds: number,
): Promise<FaultWindow> {
  const proxies = links.map((l) => ctx.stack.proxies[l]);
  const start = Date.now();
  proxies.forEach((p) => p.stall());
  ctx.log(`stalled ${links.join(', ')} (${proxies.reduce((n, p) => n + p.connections, 0)} connections)`);
  await sleep(seconds * 1000);
  proxies.forEach((p) => p.resume());
  ctx.log(`resumed ${links.join(', ')}`);
  return { start, end: Date.now(), notes: [`${links.join(', ')} stalled ${seconds} s`] };
}

/** Neo4j stopped (SIGTERM, as an operator would) and started again `seconds` after it was down. */
export async function stopNeo4j(ctx: FaultContext, seconds: number): Promise<FaultWindow> {
  const infra = needInfra(ctx);
  const start = Date.now();
  await infra.stopNeo4j();
  ctx.log(`neo4j stopped (took ${((Date.now() - start) / 1000).toFixed(1)} s)`);
  await sleep(seconds * 1000);
  const end = Date.now();
  await infra.startNeo4j();
  ctx.log(`neo4j started (ready ${((Date.now() - end) / 1000).toFixed(1)} s after the start)`);
  return {
    start,
    end,
    notes: [
      `down ${((end - start) / 1000).toFixed(1)} s; ready ${((Date.now() - end) / 1000).toFixed(1)} s after its start`,
    ],
  };
}

/** `ms` added to every chunk in both directions on one link, for `seconds`. */
export async function addLatency(
  ctx: FaultContext,
  link: ProxyLink,
  ms: number,
  seconds: number,
): Promise<FaultWindow> {
  const proxy = ctx.stack.proxies[link];
  const start = Date.now();
  proxy.setLatency(ms);
  ctx.log(`${link}: +${ms} ms each way`);
  await sleep(seconds * 1000);
  proxy.setLatency(0);
  ctx.log(`${link}: latency removed`);
  return { start, end: Date.now(), notes: [`${link} +${ms} ms each way for ${seconds} s`] };
}

/** Every open connection on one link reset every `everySeconds`, for `seconds`. */
export async function dropConnections(
  ctx: FaultContext,
  link: ProxyLink,
  everySeconds: number,
  seconds: number,
): Promise<FaultWindow> {
  const proxy = ctx.stack.proxies[link];
  const start = Date.now();
  const dropped: number[] = [];
  while (Date.now() - start < seconds * 1000) {
    dropped.push(proxy.dropAll());
    await sleep(everySeconds * 1000);
  }
  ctx.log(`${link}: connections reset per round ${dropped.join(', ')}`);
  return {
    start,
    end: Date.now(),
    notes: [`${link} reset every ${everySeconds} s for ${seconds} s: ${dropped.join(', ')}`],
  };
}
