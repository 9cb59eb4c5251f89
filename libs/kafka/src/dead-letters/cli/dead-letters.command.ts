import { logLevel } from 'kafkajs';

import { kafkaConnectionConfig, kafkaConnectionOf, loadConfig } from '@loanmesh/config';
import { DomainException } from '@loanmesh/observability';

import { createKafkaClient } from '../../kafka-client.factory';
import { DEFAULT_DEAD_LETTER_TOPOLOGY, DeadLetterOps, type DeadLetterTopology } from '../dead-letter-ops.service';
import { renderDeadLetter, renderListing, renderReplaySummary } from '../dead-letter.render';
import { type DeadLettersCommand, DeadLettersUsageError, parseDeadLettersArgs } from './dead-letters.args';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `npm run dead-letters -- list | show | replay`: 0 when done, 1 when a replay failed or
 * the tool could not answer (unknown id, Kafka down), 2 for a bad command line.
 */
export async function runDeadLettersCli(
  argv: readonly string[],
  io: CliIo,
  env: Record<string, string | undefined> = process.env,
  topology: DeadLetterTopology = DEFAULT_DEAD_LETTER_TOPOLOGY,
): Promise<number> {
  let command: DeadLettersCommand;
  try {
    command = parseDeadLettersArgs(argv);
  } catch (e) {
    if (e instanceof DeadLettersUsageError) {
      io.err(`dead-letters: ${e.message} (see --help)`);
      return 2;
    }
    throw e;
  }
  if (command.kind === 'help') {
    io.out(command.text);
    return 0;
  }
  const connection = kafkaConnectionOf(loadConfig(kafkaConnectionConfig, env));
  const kafka = createKafkaClient(connection, 'loanmesh-dead-letters', { logLevel: logLevel.NOTHING });
  try {
    return await execute(new DeadLetterOps(kafka, topology), command, io);
  } catch (e) {
    if (e instanceof DomainException) {
      io.err(`dead-letters: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

async function execute(
  ops: DeadLetterOps,
  c: Exclude<DeadLettersCommand, { kind: 'help' }>,
  io: CliIo,
): Promise<number> {
  switch (c.kind) {
    case 'list':
      renderListing(await ops.list(c.service, c.filter)).forEach((l) => io.out(l));
      return 0;
    case 'show':
      renderDeadLetter(await ops.show(c.id)).forEach((l) => io.out(l));
      return 0;
    case 'replay-one':
    case 'replay-many': {
      const selection = c.kind === 'replay-one' ? { id: c.id } : { service: c.service, filter: c.filter };
      const summary = await ops.replay(selection, { force: c.force, dryRun: c.dryRun });
      renderReplaySummary(summary).forEach((l) => io.out(l));
      return summary.failed.length > 0 ? 1 : 0;
    }
  }
}
