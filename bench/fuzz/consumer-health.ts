import { existsSync, readFileSync } from 'node:fs';

import type { ServiceProcess } from '@loanmesh/testing';

import type { ServiceName } from './topic-observer';

/** How each service held up: liveness failures seen, whether it exited, consumer crashes in its log. */
export interface ServiceHealth {
  service: ServiceName;
  /** Polls answered with anything but 200, or refused: the service said it is not live, or was gone. */
  liveFailures: number;
  /** Polls not answered within 5 s: a busy process on a loaded machine, reported apart. */
  liveUnanswered: number;
  exited: string | null;
  consumerCrashes: number;
  consumerRestarts: number;
  retriedRecords: number;
}

/**
 * Polls every service's /health/live while the run goes on. A failure is an answer other than
 * 200 or a refused connection; a poll that times out is counted apart, since on a loaded
 * 2-core machine an answer can take seconds without the service being unwell.
 */
export class LivenessWatch {
  readonly failures = new Map<ServiceName, number>();
  readonly unanswered = new Map<ServiceName, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly services: ReadonlyMap<ServiceName, ServiceProcess>) {}

  start(everyMs = 2000): void {
    this.timer = setInterval(() => void this.poll(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    await Promise.all(
      [...this.services].map(async ([name, s]) => {
        const outcome = await fetch(`http://127.0.0.1:${s.port}/health/live`, {
          signal: AbortSignal.timeout(5000),
        }).then(
          (r) => (r.status === 200 ? 'live' : 'failed'),
          (e: unknown) => (e instanceof Error && e.name === 'TimeoutError' ? 'unanswered' : 'failed'),
        );
        if (outcome !== 'live') {
          const counts = outcome === 'failed' ? this.failures : this.unanswered;
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      }),
    );
  }
}

/** Counts of KafkaJS consumer crashes and restarts, and of records the inbound edge retried, in a service log. */
export function logCounts(
  file: string,
): Pick<ServiceHealth, 'consumerCrashes' | 'consumerRestarts' | 'retriedRecords'> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  return {
    // KafkaJS lines reach the log through the service's logger or Nest's; match the message text only.
    consumerCrashes: count(/Crash: /g),
    consumerRestarts: count(/Restarting the consumer/g),
    retriedRecords: count(/"msg":"retrying record"/g),
  };
}

export function exitOf(s: ServiceProcess): string | null {
  if (s.child.exitCode !== null) {
    return `exit code ${s.child.exitCode}`;
  }
  return s.child.signalCode !== null ? `signal ${s.child.signalCode}` : null;
}
