import type { Admin } from 'kafkajs';

/** Offsets [start, end) per partition of one topic: the records a run counts. */
export interface TopicWindow {
  topic: string;
  start: Map<number, bigint>;
  end: Map<number, bigint>;
}

export function inWindow(w: TopicWindow, partition: number, offset: bigint): boolean {
  const start = w.start.get(partition);
  const end = w.end.get(partition);
  return start !== undefined && end !== undefined && offset >= start && offset < end;
}

export function windowSize(w: TopicWindow): number {
  let n = 0;
  for (const [p, end] of w.end) {
    n += Number(end - (w.start.get(p) ?? end));
  }
  return n;
}

export async function highWatermarks(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
}

/** Committed offsets of a group on a topic minus the topic's end: what it has not consumed yet. */
export async function groupLag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const high = await highWatermarks(admin, topic);
  let lag = 0;
  for (const p of committed?.partitions ?? []) {
    const end = high.get(p.partition) ?? 0n;
    const at = BigInt(p.offset) < 0n ? 0n : BigInt(p.offset);
    lag += Number(end - at);
  }
  return lag;
}
