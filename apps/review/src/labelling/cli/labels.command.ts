import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';

import { Command, CommanderError } from 'commander';

import { openReviewDataSource } from '../../database/review-cli-data-source';
import { TrainingSetService } from '../training-set.service';

export interface LabelsCliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `npm run labels -- export --out <file>`: the final labelling labels as a JSONL training set
 * (one `LabelledSample` per line) from review's database (DATABASE_URL). 0 when written, 2 for
 * a bad command line.
 */
export async function runLabelsCli(
  argv: readonly string[],
  io: LabelsCliIo,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let out: string | undefined;
  const program = new Command('labels')
    .description("the labelling tool chain's labels (DATABASE_URL names review's database)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program
    .command('export')
    .description('write the agreed and adjudicated labels, with lineage and features, as JSONL for the trainer')
    .requiredOption('--out <file>', 'the JSONL file to write (replaced whole, never left half-written)')
    .action((o: { out: string }) => {
      out = o.out;
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  if (out === undefined) {
    return 0;
  }
  const ds = await openReviewDataSource(env);
  try {
    const written = await writeJsonl(out, new TrainingSetService(ds).samples());
    io.out(`wrote ${written} labelled samples to ${out}`);
    return 0;
  } finally {
    await ds.destroy();
  }
}

async function writeJsonl(file: string, pages: AsyncGenerator<unknown[]>): Promise<number> {
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  let count = 0;
  try {
    for await (const page of pages) {
      for (const sample of page) {
        if (!stream.write(`${JSON.stringify(sample)}\n`)) {
          await once(stream, 'drain');
        }
        count += 1;
      }
    }
  } finally {
    stream.end();
    await once(stream, 'finish');
  }
  await rename(partial, file);
  return count;
}
