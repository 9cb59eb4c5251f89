import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

import type { GeneratedWorld } from '../world-generator.service';
import { HISTORY_SPLITS, type HistorySplit } from './history-split';
import { historyRows } from './history.builder';

export interface HistoryFileSummary {
  readonly rows: Record<HistorySplit, number>;
  readonly defaults: Record<HistorySplit, number>;
}

/** Writes history/{train,validation,test}.jsonl and truth.json into `dir`. */
export async function writeHistoryFiles(generated: GeneratedWorld, dir: string): Promise<HistoryFileSummary> {
  mkdirSync(dir, { recursive: true });
  const streams = Object.fromEntries(
    HISTORY_SPLITS.map((s) => [s, createWriteStream(join(dir, `${s}.jsonl`))]),
  ) as Record<HistorySplit, WriteStream>;
  const rows: Record<HistorySplit, number> = { train: 0, validation: 0, test: 0 };
  const defaults: Record<HistorySplit, number> = { train: 0, validation: 0, test: 0 };
  for (const { split, row } of historyRows(generated.world, generated.graph)) {
    rows[split]++;
    defaults[split] += row.label;
    if (!streams[split].write(`${JSON.stringify(row)}\n`)) {
      await once(streams[split], 'drain');
    }
  }
  await Promise.all(HISTORY_SPLITS.map((s) => new Promise<void>((resolve) => streams[s].end(resolve))));
  writeFileSync(join(dir, 'truth.json'), `${JSON.stringify(generated.world.truth, null, 2)}\n`);
  return { rows, defaults };
}
