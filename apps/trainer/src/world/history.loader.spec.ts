import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SyntheticHistoryFactory } from '@loanmesh/features';

import { TrainerInputError } from '../errors/trainer-input.error';
import { loadHistory } from './history.loader';

function writeParts(dir: string): void {
  const factory = new SyntheticHistoryFactory(5);
  mkdirSync(dir, { recursive: true });
  for (const [part, offset] of [
    ['train', 0],
    ['validation', 50],
    ['test', 80],
  ] as const) {
    writeFileSync(
      join(dir, `${part}.jsonl`),
      factory
        .rows(20, offset)
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
  }
}

describe(loadHistory.name, () => {
  it('should read the files where the feed writes them when given its --history folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hist-flat-'));
    writeParts(dir);
    const loaded = loadHistory(dir);
    expect(loaded.parts.train).toHaveLength(20);
    expect(loaded.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should read a history subfolder when the files are one level down', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hist-nested-'));
    writeParts(join(dir, 'history'));
    expect(loadHistory(dir).parts.test).toHaveLength(20);
  });

  it('should name the missing file when the folder is empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hist-empty-'));
    expect(() => loadHistory(dir)).toThrow(TrainerInputError);
    expect(() => loadHistory(dir)).toThrow(/train\.jsonl/);
  });
});
