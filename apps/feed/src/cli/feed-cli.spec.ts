import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FeedArgumentError, parseFeedArgs } from './feed-cli';

const root = join(__dirname, '..', '..', '..', '..');
const runFeed = (args: string[]) =>
  spawnSync('node', ['scripts/run-ts.cjs', 'apps/feed/src/main.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('feed CLI', () => {
  it('should apply defaults when no argument is given', () => {
    const options = parseFeedArgs([]);
    expect(options).toMatchObject({
      seed: 42,
      scale: 1,
      rate: 50,
      count: 1000,
      faults: 0,
      shiftAmount: 1,
      backlog: true,
      brokers: ['127.0.0.1:9092'],
    });
  });

  it('should parse a loan-amount shift for drift tests', () => {
    expect(parseFeedArgs(['--shift-amount', '4'])).toMatchObject({ shiftAmount: 4 });
  });

  it.each([
    [['--scale', 'abc'], /--scale must be a number/],
    [['--faults', '0.9'], /--faults must be a number between 0 and 0.5/],
    [['--shift-amount', '0'], /--shift-amount must be a number between 0.01 and 100/],
    [['--count', '1.5'], /--count must be an integer/],
    [['--count', '5', '--duration', '3'], /either --count or --duration/],
    [['--brokers', 'nohost'], /--brokers must be host:port/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('should reject %j with a clear message when parsing', (args, message) => {
    expect(() => parseFeedArgs(args)).toThrow(FeedArgumentError);
    expect(() => parseFeedArgs(args)).toThrow(message);
  });

  it('should exit 2 with a one-line error when an argument is bad', () => {
    const result = runFeed(['--rate', '-3']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^feed: .*--rate must be a number/);
  });

  it('should write byte-identical files and an exact fault summary when run twice with one seed', () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'feed-a-')), mkdtempSync(join(tmpdir(), 'feed-b-'))];
    for (const dir of dirs) {
      const result = runFeed([
        '--seed',
        '3',
        '--scale',
        '0.01',
        '--out',
        dir,
        '--count',
        '20',
        '--faults',
        '0.01',
        '--no-progress',
      ]);
      expect(result.status).toBe(0);
    }
    const [a, b] = dirs.map((d) => readFileSync(join(d, 'backlog.jsonl'), 'utf8'));
    expect(a).toBe(b);
    expect(readFileSync(join(dirs[0], 'live.jsonl'), 'utf8')).toBe(readFileSync(join(dirs[1], 'live.jsonl'), 'utf8'));
    const summary = JSON.parse(readFileSync(join(dirs[0], 'summary.json'), 'utf8')) as {
      backlog: { events: number; records: number };
      faults: { duplicated: number; malformed: Record<string, number> };
    };
    const malformed = Object.values(summary.faults.malformed).reduce((x, y) => x + y, 0);
    expect(a.trim().split('\n')).toHaveLength(summary.backlog.records);
    expect(summary.backlog.records).toBeGreaterThan(summary.backlog.events);
    expect(summary.backlog.records - summary.backlog.events).toBeLessThanOrEqual(malformed + summary.faults.duplicated);
  }, 60_000);
});
