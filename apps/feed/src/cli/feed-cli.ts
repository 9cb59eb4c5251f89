import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

import type { FeedOptions } from '../feed/feed.options';

/** A bad command line: the CLI prints the message on one line and exits with code 2. */
export class FeedArgumentError extends Error {
  override readonly name = 'FeedArgumentError';
}

const HELP_AFTER = `
Examples:
  npm run feed                                   default world to Kafka, then 1000 live applications at 50/s
  npm run feed -- --seed 7 --scale 0.1 --out out/feed --history out/history
  npm run feed -- --no-backlog --rate 100 --duration 60
  npm run feed -- --out out/faulty --faults 0.02 --summary out/faulty/summary.json

Faults (--faults <share>): each event gets a fault with probability <share>; the kinds are
malformed 40% (an extra bad record: truncated JSON, missing field, wrong field type, unknown
type, unknown version, oversized), duplicated 25%, out-of-order 20%, late 15% (held back to
the end of the phase). Exact injected counts are in the summary. See docs/world.md.`;

function number(name: string, min: number, max: number, integer = false): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(
        `${name} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}, got '${value}'`,
      );
    }
    return n;
  };
}

export function buildFeedCommand(): Command {
  return new Command('feed')
    .description(
      'Generate the seeded SME loan world and publish it as core-banking events (Kafka topic corebanking.events.v1 or JSON Lines files), then stream new loan applications.',
    )
    .addOption(
      new Option('--seed <n>', 'world seed (same seed, same world and byte-identical files)')
        .default(42)
        .argParser(number('--seed', 0, 2 ** 32 - 1, true)),
    )
    .addOption(
      new Option('--scale <x>', 'world size factor; 1 = about 190k entity nodes')
        .default(1)
        .argParser(number('--scale', 0.001, 10)),
    )
    .addOption(new Option('--brokers <list>', 'comma-separated Kafka brokers').default('127.0.0.1:9092'))
    .addOption(new Option('--out <dir>', 'write backlog.jsonl and live.jsonl into <dir> instead of Kafka'))
    .addOption(
      new Option('--history <dir>', 'write labelled history train/validation/test.jsonl and truth.json into <dir>'),
    )
    .addOption(new Option('--no-backlog', 'skip the backlog, stream live applications only'))
    .addOption(
      new Option('--rate <n>', 'live applications per second').default(50).argParser(number('--rate', 0.01, 100_000)),
    )
    .addOption(
      new Option('--count <n>', 'number of live applications (default 1000 unless --duration)').argParser(
        number('--count', 0, 100_000_000, true),
      ),
    )
    .addOption(
      new Option('--duration <seconds>', 'stream live applications for this long (rate x duration)').argParser(
        number('--duration', 0, 86_400),
      ),
    )
    .addOption(
      new Option(
        '--live-run <n>',
        'live stream number: a new number gives new application and event ids (0 = the default stream)',
      )
        .default(0)
        .argParser(number('--live-run', 0, 2 ** 31 - 1, true)),
    )
    .addOption(
      new Option('--faults <share>', 'share of events given a fault (0 to 0.5)')
        .default(0)
        .argParser(number('--faults', 0, 0.5)),
    )
    .addOption(
      new Option('--shift-amount <factor>', 'live applications ask for factor x their amount (drift; 1 = none)')
        .default(1)
        .argParser(number('--shift-amount', 0.01, 100)),
    )
    .addOption(
      new Option('--summary <file>', 'write the run summary as JSON (default <out>/summary.json in file mode)'),
    )
    .addOption(
      new Option('--batch-size <n>', 'records per Kafka send / file write')
        .default(4000)
        .argParser(number('--batch-size', 1, 100_000, true)),
    )
    .addOption(new Option('--no-progress', 'no progress bar'))
    .addHelpText('after', HELP_AFTER)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
}

interface RawOptions {
  seed: number;
  scale: number;
  brokers: string;
  out?: string;
  history?: string;
  backlog: boolean;
  rate: number;
  count?: number;
  duration?: number;
  liveRun: number;
  faults: number;
  shiftAmount: number;
  summary?: string;
  batchSize: number;
  progress: boolean;
}

/** Parses argv (without node and script) into options; throws FeedArgumentError on bad input. */
export function parseFeedArgs(argv: readonly string[], command = buildFeedCommand()): FeedOptions | 'help' {
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error: unknown) {
    if (
      error instanceof CommanderError &&
      (error.code === 'commander.helpDisplayed' || error.code === 'commander.help')
    ) {
      return 'help';
    }
    const message = error instanceof Error ? error.message.replace(/^error: /, '') : String(error);
    throw new FeedArgumentError(message.split('\n')[0] ?? message);
  }
  const o = command.opts<RawOptions>();
  if (o.count !== undefined && o.duration !== undefined) {
    throw new FeedArgumentError('use either --count or --duration, not both');
  }
  const brokers = o.brokers
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  if (brokers.length === 0 || brokers.some((b) => !/^[\w.-]+:\d+$/.test(b))) {
    throw new FeedArgumentError(`--brokers must be host:port[,host:port...], got '${o.brokers}'`);
  }
  return {
    seed: o.seed,
    scale: o.scale,
    brokers,
    out: o.out,
    history: o.history,
    backlog: o.backlog,
    rate: o.rate,
    count: o.count ?? (o.duration === undefined ? 1000 : undefined),
    durationSeconds: o.duration,
    liveRun: o.liveRun,
    faults: o.faults,
    shiftAmount: o.shiftAmount,
    summary: o.summary ?? (o.out ? `${o.out}/summary.json` : undefined),
    batchSize: o.batchSize,
    progress: o.progress,
  };
}
