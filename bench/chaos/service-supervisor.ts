import { join } from 'node:path';

import { type ServiceLaunch, type ServiceProcess, startServiceProcess, waitFor } from '@loanmesh/testing';

export const SERVICE_NAMES = ['ingestion', 'graph', 'inference', 'review'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
/** One process of a service: `graph` is its first replica, `graph#2` its second. */
export type ServiceInstance = ServiceName | `${ServiceName}#${number}`;

export function instanceOf(service: ServiceName, replica: number): ServiceInstance {
  return replica <= 1 ? service : `${service}#${replica}`;
}

export function serviceOf(instance: ServiceInstance): ServiceName {
  return instance.split('#')[0] as ServiceName;
}

/** The heap caps of scripts/services.sh: each service near its memory budget; graph holds the subgraph. */
const HEAP_MIB: Record<ServiceName, number> = { ingestion: 192, graph: 1024, inference: 192, review: 192 };
/** Restarts of a service that died on its own, per supervisor, before it is left down (bounds a crash loop). */
const MAX_AUTO_RESTARTS = 10;
const AUTO_RESTART_DELAY_MS = 2000;

export interface UnplannedExit {
  service: ServiceInstance;
  at: number;
  code: number | null;
  signal: string | null;
}

export interface SupervisorSpec {
  port: (instance: ServiceInstance) => number;
  env: (instance: ServiceInstance) => Record<string, string>;
  logDir: string;
  /** Restart a service that exits on its own, as a process manager (systemd, Kubernetes) would. */
  autoRestart: boolean;
}

/**
 * The four services as real processes: start, `kill -9`, restart, stop. A service that dies
 * without being told to is recorded (and restarted after 2 s when `autoRestart`), so a crash
 * a fault provokes shows in the figures instead of stopping the run.
 */
export class ServiceSupervisor {
  private readonly procs = new Map<ServiceInstance, ServiceProcess>();
  /** Instances down on purpose (killed by a fault, or stopping). */
  private readonly down = new Set<ServiceInstance>();
  private readonly autoRestarts = new Map<ServiceInstance, number>();
  /** Instances that exhausted their restarts. */
  private readonly givenUp = new Set<ServiceInstance>();
  private stopping = false;
  /** From the TypeScript sources unless told otherwise; applies to the next start of each instance. */
  private launch: ServiceLaunch = { kind: 'sources' };
  readonly unplannedExits: UnplannedExit[] = [];

  constructor(
    private readonly spec: SupervisorSpec,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  logFile(instance: ServiceInstance): string {
    return join(this.spec.logDir, `${instance.replace('#', '-')}.log`);
  }

  pid(service: ServiceInstance): number | undefined {
    return this.procs.get(service)?.child.pid;
  }

  /** Later starts run from `launch` (e.g. a release folder laid out by scripts/release.sh). */
  useLaunch(launch: ServiceLaunch): void {
    this.launch = launch;
  }

  start(service: ServiceInstance): void {
    this.down.delete(service);
    const proc = startServiceProcess(
      serviceOf(service),
      this.spec.port(service),
      this.spec.env(service),
      HEAP_MIB[serviceOf(service)],
      this.logFile(service),
      this.launch,
    );
    this.procs.set(service, proc);
    proc.child.once('exit', (code, signal) => this.exited(service, proc, code, signal));
  }

  /**
   * Resolves when every service answers /health/ready; a service that exits while booting is
   * restarted by the supervisor and waited for again. Fails when one is left down for good.
   */
  async waitReady(services: readonly ServiceInstance[] = SERVICE_NAMES, timeoutMs = 300_000): Promise<void> {
    await Promise.all(
      services.map((s) =>
        waitFor(
          async () => {
            if (this.givenUp.has(s)) {
              throw new Error(`${s} is down (see ${this.logFile(s)})`);
            }
            return (await this.isReady(s)) ? true : undefined;
          },
          timeoutMs,
          `${s} to be ready`,
        ),
      ),
    );
  }

  /** `kill -9`: no shutdown hook runs, in-flight work is cut wherever it is. */
  async kill9(service: ServiceInstance): Promise<void> {
    const proc = this.procs.get(service);
    this.down.add(service);
    if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => proc.child.once('exit', () => resolve()));
    proc.child.kill('SIGKILL');
    await exited;
  }

  /** Ready (answering /health/ready) right now. */
  async isReady(service: ServiceInstance): Promise<boolean> {
    const res = await fetch(`http://127.0.0.1:${this.spec.port(service)}/health/ready`, {
      signal: AbortSignal.timeout(3000),
    }).catch(() => undefined);
    return res?.ok ?? false;
  }

  async stop(service: ServiceInstance): Promise<void> {
    this.down.add(service);
    await this.procs.get(service)?.stop();
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.procs.keys()].map((s) => this.stop(s)));
  }

  private exited(service: ServiceInstance, proc: ServiceProcess, code: number | null, signal: string | null): void {
    if (this.stopping || this.down.has(service) || this.procs.get(service) !== proc) {
      return;
    }
    this.unplannedExits.push({ service, at: Date.now(), code, signal });
    const restarts = (this.autoRestarts.get(service) ?? 0) + 1;
    this.log(`${service} exited on its own (code ${code}, signal ${signal}); see ${this.logFile(service)}`);
    if (!this.spec.autoRestart || restarts > MAX_AUTO_RESTARTS) {
      this.givenUp.add(service);
      return;
    }
    this.autoRestarts.set(service, restarts);
    setTimeout(() => {
      if (!this.stopping && !this.down.has(service) && this.procs.get(service) === proc) {
        this.log(`${service}: restarting it (${restarts} of at most ${MAX_AUTO_RESTARTS})`);
        this.start(service);
      }
    }, AUTO_RESTART_DELAY_MS);
  }
}
