import { Client } from 'pg';

import { Topics } from '@loanmesh/contracts';

import { REVIEW_DOMAIN_EVENT_TYPES } from '../../apps/review/src/labels/review-domain-event-types';

import type { ConsumerSpec } from './fuzz-stack';
import { inboundOutcomes, type MetricSample } from './service-metrics';
import type { TopicObserver } from './topic-observer';
import { inWindow, type TopicWindow, windowSize } from './topic-window';

/** One consumer's books: every record on its topic since the run began is in exactly one column. */
export interface ConsumerBooks {
  service: string;
  topic: string;
  sent: number;
  stored: number;
  duplicates: number;
  deadLettered: number;
  /** Review passes over non-loan domain events by their type header without counting them. */
  passedOver: number;
  unaccounted: number;
  /** Where stored and duplicates come from: the service's tables, or its inbound metric. */
  source: 'tables' | 'metrics' | 'unavailable';
}

/** Positions `p:o` of the ingestion tables, read per poll. */
export interface IngestionPositions {
  stored: Set<string>;
  duplicates: Set<string>;
}

export async function readIngestionPositions(url: string): Promise<IngestionPositions | undefined> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const q = async (table: string): Promise<Set<string>> => {
      const { rows } = await client.query<{ p: number; o: string }>(
        `SELECT kafka_partition AS p, kafka_offset::text AS o FROM ingestion.${table} WHERE topic = $1`,
        [Topics.coreBankingEvents],
      );
      return new Set(rows.map((r) => `${r.p}:${r.o}`));
    };
    return { stored: await q('raw_events'), duplicates: await q('duplicate_deliveries') };
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function countInWindow(positions: Iterable<string>, w: TopicWindow): number {
  let n = 0;
  for (const key of positions) {
    const [p, o] = key.split(':');
    n += inWindow(w, Number(p), BigInt(o)) ? 1 : 0;
  }
  return n;
}

export interface AccountingInputs {
  spec: ConsumerSpec;
  window: TopicWindow;
  observer: TopicObserver;
  metrics: MetricSample[] | undefined;
  ingestion: IngestionPositions | undefined;
}

/** The books of one consumer now: stored and duplicates from its store, dead letters from its dead-letter topic. */
export function account({ spec, window, observer, metrics, ingestion }: AccountingInputs): ConsumerBooks {
  const deadLettered = [...observer.deadLetters.values()].filter(
    (d) => d.service === spec.service && d.originalTopic === spec.topic && inWindow(window, d.partition, d.offset),
  ).length;
  let stored = 0;
  let duplicates = 0;
  let source: ConsumerBooks['source'] = 'unavailable';
  if (spec.service === 'ingestion' && ingestion) {
    stored = countInWindow(ingestion.stored, window);
    duplicates = countInWindow(ingestion.duplicates, window);
    source = 'tables';
  } else if (spec.service !== 'ingestion' && metrics) {
    const o = inboundOutcomes(metrics, spec.topic);
    stored = (o.processed ?? 0) + (o.skipped ?? 0);
    duplicates = o.duplicate ?? 0;
    source = 'metrics';
  }
  const passedOver =
    spec.service === 'review' && spec.topic === Topics.domainEvents ? passedOverByReview(observer, window) : 0;
  const sent = windowSize(window);
  return {
    service: spec.service,
    topic: spec.topic,
    sent,
    stored,
    duplicates,
    deadLettered,
    passedOver,
    unaccounted: sent - stored - duplicates - deadLettered - passedOver,
    source,
  };
}

function passedOverByReview(observer: TopicObserver, window: TopicWindow): number {
  let n = 0;
  for (const [key, type] of observer.domainEventTypes) {
    const [p, o] = key.split(':');
    if (type !== undefined && !REVIEW_DOMAIN_EVENT_TYPES.has(type) && inWindow(window, Number(p), BigInt(o))) {
      n++;
    }
  }
  return n;
}
