import { Client } from 'pg';

import {
  type ApplicationAccounting,
  CoreBankingEventTypes,
  DeadLetterTopics,
  decisionMadeRegistry,
  type DecisionMadeEvent,
  isLiveRunApplicationId,
  liveRunIdPatterns,
  parseEvent,
  Topics,
} from '@loanmesh/contracts';

import { decidedCount } from '../../scripts/demo/accounting-summary';
import { percentile } from '../../scripts/demo/decision-stats';
import { ReviewAccountingClient } from '../../scripts/demo/review-accounting.client';
import type { ChaosStack } from './chaos-stack';
import { type ApplicationOutcome, longestDecisionGap, type Recovery, recoveryAfter } from './recovery';
import { readTopicSince } from './topic-reader';

/** What one scenario did to its live run's applications. */
export interface ScenarioFigures {
  /** The run's applications on the core-banking topic (what core banking really sent). */
  sent: number;
  /** Reached ingestion (review's accounting `sent`). */
  received: number;
  /** Approved or declined automatically. */
  decided: number;
  /** Referred to an officer, degraded and expired ones included. */
  referred: number;
  /** Decided on degraded graph features or a degraded score (always referred). */
  degraded: number;
  /** Applications with a record on a dead-letter topic and no decision. */
  deadLettered: number;
  /** Records on any dead-letter topic during the scenario. */
  deadLetterRecords: number;
  /** Sent, never decided and not dead-lettered after the bounded wait. */
  lost: number;
  lostIds: string[];
  /** Applications with more than one row in review.decisions. */
  decidedTwice: number;
  /** Applications with more than one decision id on the decision topic. */
  decidedTwiceOnTopic: number;
  /** Decision events published more than once (same event id): at-least-once redelivery, harmless. */
  redeliveredDecisionEvents: number;
  parked: number;
  inFlight: number;
  /** p50 and p99 time from the application's submission to its first decision (ms), over every decided application. */
  p50Ms: number;
  p99Ms: number;
  /** Seconds from the run's first submission to its last first decision: with a burst, what it took to decide them all. */
  drainSeconds: number;
  recovery: Recovery;
  /** Longest time without a single decision of the run, from the fault's start (s). */
  decisionGapSeconds: number;
  accountingBalanced: boolean;
}

interface DecisionRow {
  application_id: string;
  n: number;
  first_at_ms: string;
  degraded: boolean;
}

const FIRST_DECISIONS = `SELECT application_id, count(*)::int AS n,
    (extract(epoch from min(decided_at)) * 1000)::bigint AS first_at_ms,
    (array_agg(coalesce(content -> 'scored' ->> 'degraded' = 'true' OR content -> 'scored' ->> 'status' = 'DEGRADED', false)
      ORDER BY seq))[1] AS degraded
  FROM review.decisions WHERE application_id LIKE $1 GROUP BY application_id`;

/** The run's applications as core banking sent them: application id → submittedAt (ms). */
async function sentApplications(stack: ChaosStack, run: number, since: number): Promise<Map<string, number>> {
  const records = await readTopicSince(stack.kafka, Topics.coreBankingEvents, since);
  const apps = new Map<string, number>();
  for (const r of records) {
    const e = JSON.parse(r.value?.toString() ?? '{}') as {
      type?: string;
      payload?: { applicationId?: string; submittedAt?: string };
    };
    const id = e.payload?.applicationId;
    if (e.type === CoreBankingEventTypes.applicationSubmitted && id && isLiveRunApplicationId(run, id)) {
      apps.set(id, Date.parse(e.payload?.submittedAt ?? '') || r.timestamp);
    }
  }
  return apps;
}

async function decisionRows(stack: ChaosStack, run: number): Promise<Map<string, DecisionRow>> {
  const client = new Client({ connectionString: stack.db.url });
  await client.connect();
  try {
    const res = await client.query<DecisionRow>(FIRST_DECISIONS, [liveRunIdPatterns(run).like]);
    return new Map(res.rows.map((r) => [r.application_id, r]));
  } finally {
    await client.end();
  }
}

async function topicDecisions(
  stack: ChaosStack,
  run: number,
  since: number,
): Promise<{ twice: number; redelivered: number }> {
  const ids = new Map<string, Set<string>>();
  const eventIds = new Set<string>();
  let records = 0;
  for (const r of await readTopicSince(stack.kafka, Topics.decisionMade, since)) {
    const e = parseEvent<DecisionMadeEvent>(r.value, decisionMadeRegistry);
    if (!isLiveRunApplicationId(run, e.payload.applicationId)) {
      continue;
    }
    records += 1;
    eventIds.add(e.eventId);
    const set = ids.get(e.payload.applicationId) ?? new Set<string>();
    set.add(e.payload.decisionId);
    ids.set(e.payload.applicationId, set);
  }
  return { twice: [...ids.values()].filter((s) => s.size > 1).length, redelivered: records - eventIds.size };
}

/** Application ids of the run named in dead-lettered records (their original bytes), and the record count. */
async function deadLetters(
  stack: ChaosStack,
  run: number,
  since: number,
): Promise<{ ids: Set<string>; records: number }> {
  const ids = new Set<string>();
  let records = 0;
  for (const topic of Object.values(DeadLetterTopics)) {
    for (const r of await readTopicSince(stack.kafka, topic, since)) {
      records += 1;
      const match = new RegExp(`AP-L${run}-\\d+`).exec(r.value?.toString() ?? '');
      if (match) {
        ids.add(match[0]);
      }
    }
  }
  return { ids, records };
}

export interface SettleBounds {
  /** Give up when nothing more was decided for this long: what is left is stuck, not slow. */
  stallMs: number;
  /** Give up after this long in any case. */
  maxMs: number;
}

/**
 * Polls the run's accounting until every application sent is received and none is in flight,
 * or no further application was decided for `stallMs`, or `maxMs` passed; resolves to the last
 * answer (undefined when review never answered). A failed read (review restarting) is retried.
 */
export async function settle(
  client: ReviewAccountingClient,
  run: number,
  sent: number,
  bounds: SettleBounds,
  log: (line: string) => void,
): Promise<ApplicationAccounting | undefined> {
  const started = Date.now();
  let last: ApplicationAccounting | undefined;
  let lastDecided = -1;
  let lastProgress = started;
  let lastLog = started;
  while (Date.now() - started < bounds.maxMs && Date.now() - lastProgress < bounds.stallMs) {
    last = (await client.ofRun(run).catch(() => undefined)) ?? last;
    if (last && last.sent >= sent && last.inFlight === 0) {
      return last;
    }
    const decided = last ? decidedCount(last) + last.deadLettered : -1;
    if (decided > lastDecided) {
      lastDecided = decided;
      lastProgress = Date.now();
    }
    if (Date.now() - lastLog >= 30_000) {
      lastLog = Date.now();
      log(
        `settling: received ${last?.sent ?? '?'}/${sent}, decided ${lastDecided}, in flight ${last?.inFlight ?? '?'}`,
      );
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  return last;
}

/**
 * Waits (bounded) until the run is accounted for, then measures it from three sources: the
 * core-banking topic (what was sent), review's accounting and decisions table, and the
 * decision and dead-letter topics.
 */
export async function measureRun(
  stack: ChaosStack,
  run: number,
  since: number,
  fault: { start: number; end: number },
  bounds: SettleBounds,
  log: (line: string) => void,
): Promise<ScenarioFigures> {
  const apps = await sentApplications(stack, run, since);
  const client = new ReviewAccountingClient(`http://127.0.0.1:${stack.ports.review}`, stack.db.url);
  const accounting = await settle(client, run, apps.size, bounds, log);
  if (!accounting) {
    log('review never answered the accounting: figures from the decisions table and topics only');
  }
  const rows = await decisionRows(stack, run);
  const dead = await deadLetters(stack, run, since);
  const onTopic = await topicDecisions(stack, run, since);
  const outcomes: ApplicationOutcome[] = [];
  const latencies: number[] = [];
  const lostIds: string[] = [];
  for (const [id, submittedAt] of apps) {
    const row = rows.get(id);
    const decidedAt = row ? Number(row.first_at_ms) : undefined;
    outcomes.push({ submittedAt, decidedAt, degraded: row?.degraded ?? false });
    if (decidedAt !== undefined) {
      latencies.push(decidedAt - submittedAt);
    } else if (!dead.ids.has(id)) {
      lostIds.push(id);
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    sent: apps.size,
    received: accounting?.sent ?? 0,
    decided: accounting?.decidedAutomatically ?? 0,
    referred: accounting ? accounting.referred + accounting.degraded + accounting.expired : 0,
    degraded: accounting?.degraded ?? 0,
    deadLettered: [...dead.ids].filter((id) => apps.has(id) && !rows.has(id)).length,
    deadLetterRecords: dead.records,
    lost: lostIds.length,
    lostIds: lostIds.sort().slice(0, 20),
    decidedTwice: [...rows.values()].filter((r) => r.n > 1).length,
    decidedTwiceOnTopic: onTopic.twice,
    redeliveredDecisionEvents: onTopic.redelivered,
    parked: accounting?.parked ?? 0,
    inFlight: accounting?.inFlight ?? 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    drainSeconds: drainSeconds(outcomes),
    recovery: recoveryAfter(outcomes, fault.end),
    decisionGapSeconds: longestDecisionGap(
      outcomes.flatMap((o) => (o.decidedAt === undefined ? [] : [o.decidedAt])),
      fault.start,
      Date.now(),
    ),
    accountingBalanced: accounting?.balanced ?? false,
  };
}

function drainSeconds(outcomes: readonly ApplicationOutcome[]): number {
  const decided = outcomes.flatMap((o) => (o.decidedAt === undefined ? [] : [o.decidedAt]));
  if (decided.length === 0) {
    return 0;
  }
  const first = outcomes.reduce((m, o) => Math.min(m, o.submittedAt), Number.POSITIVE_INFINITY);
  const last = decided.reduce((m, d) => Math.max(m, d), 0);
  return (last - first) / 1000;
}
