/**
 * What a service does on SIGTERM, in this order; a phase starts when the one before has
 * finished or run out of its time. Readiness turns false before the first phase.
 * - stop-intake: stop fetching from Kafka; the batch in flight finishes and its offsets are committed.
 * - stop-work: stop timers and background loops (sweepers, lag monitors, retries) and let a round in flight end.
 * - flush: publish what is committed but not yet published (the outbox).
 * - close: close the application: HTTP, then the clients (Kafka producer, PostgreSQL pool, Neo4j driver).
 */
export const SHUTDOWN_PHASES = ['stop-intake', 'stop-work', 'flush', 'close'] as const;

export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

/** One thing to stop in a phase; `stop` resolves once it has stopped. */
export interface ShutdownParticipant {
  phase: ShutdownPhase;
  name: string;
  stop(): Promise<unknown> | void;
}

/**
 * When each phase must have ended, in ms after the signal: a phase that overruns is left
 * behind (logged) so the later ones still get their turn, and the process exits before
 * Kubernetes' and Compose's 10 s grace. A phase that ends early leaves its time to the next.
 */
export const SHUTDOWN_PHASE_ENDS_MS: Readonly<Record<ShutdownPhase, number>> = {
  // The longest: a graph write in flight can take seconds on a loaded Neo4j.
  'stop-intake': 6500,
  'stop-work': 7000,
  flush: 8200,
  close: 9200,
};

/**
 * How long readiness stays false, with everything still serving, before intake stops:
 * Kubernetes endpoints and load balancers need a moment to see a pod not ready, and a
 * request they still send meanwhile is answered instead of refused. Counted in the phases'
 * time (their ends are measured from the signal).
 */
export const SHUTDOWN_READINESS_HOLD_MS = 1000;

/** After this the process exits whatever is still running. */
export const SHUTDOWN_HARD_LIMIT_MS = 9600;
