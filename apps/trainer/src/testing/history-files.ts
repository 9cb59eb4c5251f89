import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { type HistoryRow, SyntheticHistoryFactory } from '@loanmesh/features';

/**
 * A synthetic history as the feed's --history writes it (oldest 60% train, then validation,
 * newest test), for tests and benchmarks that retrain without generating the world.
 */
export function writeSyntheticHistory(dir: string, rows: number, seed: number): void {
  writeHistoryFiles(dir, new SyntheticHistoryFactory(seed).rows(rows));
}

function writeHistoryFiles(dir: string, rows: HistoryRow[]): void {
  mkdirSync(dir, { recursive: true });
  const cut = [0, Math.round(rows.length * 0.6), Math.round(rows.length * 0.8), rows.length];
  ['train', 'validation', 'test'].forEach((part, i) =>
    writeFileSync(
      join(dir, `${part}.jsonl`),
      rows
        .slice(cut[i], cut[i + 1])
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    ),
  );
}
