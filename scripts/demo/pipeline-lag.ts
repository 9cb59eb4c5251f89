import type { Kafka } from 'kafkajs';

import { Topics } from '@loanmesh/contracts';
import { localServiceHeaders } from '@loanmesh/service-auth';

/** One consumer group and the topic it must have consumed. */
export interface PipelineStage {
  label: string;
  group: string;
  topic: string;
}

/**
 * The pipeline's stages as consumer groups: the services' `KAFKA_GROUP_ID`s (and the graph
 * writer's `GRAPH_WRITER_GROUP_ID`), which are the service names unless a prefix is given.
 */
export function pipelineStages(groupPrefix = ''): PipelineStage[] {
  const g = (name: string): string => `${groupPrefix}${name}`;
  return [
    { label: 'ingestion', group: g('ingestion'), topic: Topics.coreBankingEvents },
    { label: 'graph', group: g('graph-writer'), topic: Topics.domainEvents },
    { label: 'graph (applications)', group: g('graph'), topic: Topics.applicationReceived },
    { label: 'inference', group: g('inference'), topic: Topics.graphFeaturesComputed },
    { label: 'review', group: g('review'), topic: Topics.applicationScored },
    { label: 'review (loan events)', group: g('review'), topic: Topics.domainEvents },
  ];
}

/** Records on `topic` not yet committed by `group` (a partition it never committed counts whole). */
export async function lagOf(kafka: Kafka, group: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const done = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
    return ends.reduce((sum, e) => sum + Math.max(0, Number(e.high) - Math.max(0, done.get(e.partition) ?? 0)), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Each stage's lag, in the order of `stages`. */
export function pipelineLags(kafka: Kafka, stages: PipelineStage[]): Promise<number[]> {
  return Promise.all(stages.map((s) => lagOf(kafka, s.group, s.topic)));
}

/**
 * Polls until every stage has lag 0 three times in a row (1 s apart) or the timeout passes;
 * resolves to whether it drained. `onLags` sees each reading.
 */
export async function waitUntilDrained(
  kafka: Kafka,
  stages: PipelineStage[],
  timeoutMs: number,
  onLags?: (lags: number[]) => void,
  /** Backlogs outside Kafka (e.g. an outbox), read alongside and reported after the stages. */
  extra: readonly (() => Promise<number>)[] = [],
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let stable = 0;
  while (Date.now() < deadline) {
    const lags = await Promise.all([pipelineLags(kafka, stages), Promise.all(extra.map((f) => f()))])
      .then(([k, e]) => [...k, ...e])
      .catch(() => undefined);
    if (lags) {
      onLags?.(lags);
    }
    stable = lags?.every((l) => l === 0) ? stable + 1 : 0;
    if (stable >= 3) {
      return true;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/**
 * Ingestion's outbox, as a backlog for `waitUntilDrained`: rows ingestion stored but has not
 * yet published are invisible to Kafka lag and would reach the graph after a live run starts.
 */
export function ingestionOutboxBacklog(ingestionUrl: string): () => Promise<number> {
  return async () => {
    const res = await fetch(`${ingestionUrl}/ingestion/stats`, { headers: localServiceHeaders('ingestion') });
    if (!res.ok) {
      throw new Error(`GET /ingestion/stats answered ${res.status}`);
    }
    return ((await res.json()) as { outboxUnpublished: number }).outboxUnpublished;
  };
}
