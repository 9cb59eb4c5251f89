import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import { featureInputSchema } from '@loanmesh/contracts';
import type { HistoryRow } from '@loanmesh/features';

import { TrainerInputError } from '../errors/trainer-input.error';

export const HISTORY_PARTS = ['train', 'validation', 'test'] as const;
export type HistoryPart = (typeof HISTORY_PARTS)[number];

const historyRowSchema = z.object({
  applicationId: z.string().min(1),
  submittedAt: z.string().datetime({ offset: true }),
  label: z.union([z.literal(0), z.literal(1)]),
  trueProbability: z.number().min(0).max(1),
  input: featureInputSchema,
});

export interface LoadedHistory {
  parts: Record<HistoryPart, HistoryRow[]>;
  fingerprint: string;
}

/**
 * Reads and validates {train,validation,test}.jsonl (time split done upstream) from <dir>,
 * as `npm run feed -- --history <dir>` writes them, or from <dir>/history.
 */
export function loadHistory(dir: string): LoadedHistory {
  const folder = existsSync(join(dir, 'train.jsonl')) ? dir : join(dir, 'history');
  const hash = createHash('sha256');
  const parts = {} as Record<HistoryPart, HistoryRow[]>;
  for (const part of HISTORY_PARTS) {
    const file = join(folder, `${part}.jsonl`);
    if (!existsSync(file)) {
      throw new TrainerInputError(
        `missing ${file}; --history expects the directory the feed's --history wrote (train, validation, test .jsonl)`,
      );
    }
    const text = readFileSync(file, 'utf8');
    hash.update(text);
    parts[part] = parseLines(file, text);
    if (parts[part].length === 0) {
      throw new TrainerInputError(`${file} has no rows`);
    }
  }
  return { parts, fingerprint: hash.digest('hex') };
}

function parseLines(file: string, text: string): HistoryRow[] {
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') {
      return [];
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new TrainerInputError(`${file}:${i + 1}: not valid JSON`);
    }
    const parsed = historyRowSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TrainerInputError(`${file}:${i + 1}: ${issue.path.join('.')}: ${issue.message}`);
    }
    return [parsed.data];
  });
}
