/**
 * Group-session settings of every LoanMesh consumer group that fails over.
 *
 * The session timeout is how long a member that died without leaving (kill -9, a lost node)
 * keeps its partitions before the coordinator hands them to a live member. KafkaJS has no
 * static membership, so a restarted process joins as a new member and the group waits for
 * the dead one too: the timeout is most of the decision gap after a crash (30 s gave gaps of
 * 25-36 s in `npm run chaos`). Slow work must not count against it, so consumers heartbeat
 * while a chunk is in flight (`withHeartbeats`); then only a process that cannot run its
 * event loop for the whole timeout is expelled.
 */
export const CONSUMER_SESSION = { sessionTimeout: 10_000, heartbeatInterval: 1_000 } as const;

/**
 * How long the broker holds a fetch that finds nothing. It answers as soon as a record arrives
 * (minBytes 1), so a longer wait costs no latency; it only sets how often an idle consumer asks
 * again. At 100 ms every idle group fetched ten times a second, a steady share of an idle
 * stack's Kafka CPU. Pausing, resuming and stopping wait for the fetch in flight, so this also
 * bounds those (well inside the 10 s shutdown).
 */
export const CONSUMER_FETCH_WAIT_MS = 500;

/**
 * Heartbeat answers that mean this member must rejoin the group: heartbeating again before the
 * chunk ends only repeats the refusal (and KafkaJS logs each one at error level, hundreds in a
 * long chunk), so the timer stops and the consumer's own loop rejoins after the chunk.
 */
const REJOIN_REQUIRED = new Set(['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'REBALANCE_IN_PROGRESS']);

function requiresRejoin(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' && REJOIN_REQUIRED.has(type);
}

/**
 * Runs `work`, heartbeating every `intervalMs` until it settles. A failed heartbeat is left
 * to the consumer's own loop: KafkaJS heartbeats again after the chunk and rejoins the group
 * on a rebalance there, which it cannot do from a timer. Any other failure (a broker
 * briefly unreachable) is retried at the next interval.
 */
export async function withHeartbeats<T>(
  heartbeat: () => Promise<void>,
  work: () => Promise<T>,
  intervalMs: number = CONSUMER_SESSION.heartbeatInterval,
): Promise<T> {
  const timer = setInterval(() => {
    heartbeat().catch((e: unknown) => {
      if (requiresRejoin(e)) {
        clearInterval(timer);
      }
    });
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
