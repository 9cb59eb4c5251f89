import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Kernel clock ticks per second (USER_HZ): 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** A process of the local stack whose CPU time is counted, by the name it is reported under. */
export interface StackProcess {
  name: string;
  pid: number;
}

/** CPU seconds (user + system) each named group of processes used between two samples. */
export type CpuSeconds = Record<string, number>;

function cpuTicks(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces) start at the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function pidFile(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Every PostgreSQL process on the machine (the server is machine-wide, not per clone). */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') {
        pids.push(Number(entry));
      }
    } catch {
      // The process ended between listing and reading.
    }
  }
  return pids;
}

/** The local stack started by `npm run demo`: the four services, Kafka, Neo4j and PostgreSQL. */
export function localStackProcesses(root: string, services: readonly string[]): StackProcess[] {
  const named: StackProcess[] = [];
  for (const s of services) {
    const pid = pidFile(join(root, '.local', 'pids', `${s}.pid`));
    if (pid) {
      named.push({ name: s, pid });
    }
  }
  for (const infra of ['kafka', 'neo4j']) {
    const pid = pidFile(join(root, 'infra', '.data', `${infra}.pid`));
    if (pid) {
      named.push({ name: infra, pid });
    }
  }
  return named.concat(postgresPids().map((pid) => ({ name: 'postgres', pid })));
}

/**
 * Measures the CPU time the stack's processes spend over a stretch of work, read from
 * /proc (user + system), so a run reports where the machine's cores went per application
 * instead of inferring it from latency. PostgreSQL backends come and go: each is counted
 * from its first sighting, and those that ended before `stop` are lost (a few ms each).
 */
export class ProcessCpuSampler {
  private readonly start = new Map<number, { name: string; ticks: number }>();

  constructor(private readonly processes: () => StackProcess[]) {}

  begin(): void {
    this.start.clear();
    for (const p of this.processes()) {
      const ticks = cpuTicks(p.pid);
      if (ticks !== undefined) {
        this.start.set(p.pid, { name: p.name, ticks });
      }
    }
  }

  /** CPU seconds per process name since `begin`. */
  end(): CpuSeconds {
    const used: CpuSeconds = {};
    for (const p of this.processes()) {
      const ticks = cpuTicks(p.pid);
      if (ticks === undefined) {
        continue;
      }
      const before = this.start.get(p.pid)?.ticks ?? 0;
      used[p.name] = (used[p.name] ?? 0) + (ticks - before) / TICKS_PER_SECOND;
    }
    return used;
  }
}
