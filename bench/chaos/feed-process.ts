import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface FeedRun {
  ok: boolean;
  /** Live records the feed reports sent (its summary), when it finished. */
  liveRecords?: number;
  error?: string;
}

/**
 * The world's feed (`apps/feed`, the core-banking simulator) as a child process with its
 * output appended to `logFile`. Resolves when it exits (killed after `timeoutMs`).
 */
export function runFeed(args: string[], logFile: string, summaryFile: string, timeoutMs: number): Promise<FeedRun> {
  return new Promise((resolve) => {
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n== feed ${args.join(' ')}\n`);
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'scripts/run-ts.cjs'),
        join(ROOT, 'apps/feed/src/main.ts'),
        '--no-progress',
        '--summary',
        summaryFile,
        ...args,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let tail = '';
    child.stderr.on('data', (d: Buffer) => (tail = (tail + d.toString()).slice(-500)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      log.end();
      if (code === 0 && existsSync(summaryFile)) {
        const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { live: { records: number } };
        resolve({ ok: true, liveRecords: summary.live.records });
      } else {
        resolve({ ok: false, error: `feed exited with ${code ?? signal}: ${tail.trim().split('\n').pop() ?? ''}` });
      }
    });
  });
}
