import type { IngestionPositions } from './accounting';
import type { SentRecord } from './fuzz-record';
import type { TopicObserver } from './topic-observer';

/** What became of one mutator's records on the core-banking topic: expected by the contract against what the service did. */
export interface MutatorTally {
  mutator: string;
  sent: number;
  expected: Record<string, number>;
  actual: Record<string, number>;
}

/** Each sent core-banking record's actual fate, by its position in ingestion's tables or dead-letter topic. */
export function tallyByMutator(
  sent: readonly SentRecord[],
  positions: IngestionPositions | undefined,
  observer: TopicObserver,
): MutatorTally[] {
  const tallies = new Map<string, MutatorTally>();
  for (const s of sent) {
    const name = s.record.mutator.split('/')[0];
    const t = tallies.get(name) ?? { mutator: name, sent: 0, expected: {}, actual: {} };
    tallies.set(name, t);
    const pos = `${s.partition}:${s.offset}`;
    const dead = observer.deadLetters.get(`ingestion|${s.record.topic}|${s.partition}|${s.offset}`);
    const actual = positions?.stored.has(pos)
      ? 'stored'
      : positions?.duplicates.has(pos)
        ? 'duplicate'
        : dead
          ? `dead-letter:${dead.code}`
          : 'unaccounted';
    const expected = s.record.expectedCode ? `${s.record.expected}:${s.record.expectedCode}` : s.record.expected;
    t.sent++;
    t.expected[expected] = (t.expected[expected] ?? 0) + 1;
    t.actual[actual] = (t.actual[actual] ?? 0) + 1;
  }
  return [...tallies.values()].sort((a, b) => b.sent - a.sent);
}

/** Records whose fate differs from the contract's verdict, a few per mutator variant, for the report. */
export function mismatches(
  sent: readonly SentRecord[],
  positions: IngestionPositions | undefined,
  observer: TopicObserver,
  perVariant = 3,
): { mutator: string; expected: string; actual: string; partition: number; offset: string }[] {
  const seen = new Map<string, number>();
  return sent.flatMap((s) => {
    const pos = `${s.partition}:${s.offset}`;
    const dead = observer.deadLetters.get(`ingestion|${s.record.topic}|${s.partition}|${s.offset}`);
    const actual = positions?.stored.has(pos)
      ? 'stored'
      : positions?.duplicates.has(pos)
        ? 'duplicate'
        : dead
          ? 'dead-letter'
          : 'unaccounted';
    const key = `${s.record.mutator}|${actual}`;
    if (actual === s.record.expected || (seen.get(key) ?? 0) >= perVariant) {
      return [];
    }
    seen.set(key, (seen.get(key) ?? 0) + 1);
    return [
      { mutator: s.record.mutator, expected: s.record.expected, actual, partition: s.partition, offset: s.offset },
    ];
  });
}
