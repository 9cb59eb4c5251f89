import { Command, CommanderError } from 'commander';
import { z } from 'zod';

import { deadLetterIdSchema } from '../dead-letter-id';
import { DEAD_LETTER_SERVICES, type DeadLetterFilter, type DeadLetterServiceName } from '../dead-letter-ops.service';

export type DeadLettersCommand =
  | { kind: 'list'; service: DeadLetterServiceName; filter: DeadLetterFilter }
  | { kind: 'show'; id: string }
  | { kind: 'replay-one'; id: string; force: boolean; dryRun: boolean }
  | { kind: 'replay-many'; service: DeadLetterServiceName; filter: DeadLetterFilter; force: boolean; dryRun: boolean }
  | { kind: 'help'; text: string };

/** A command line the tool cannot run; the message names the argument. */
export class DeadLettersUsageError extends Error {
  override readonly name = 'DeadLettersUsageError';
}

const service = z.enum(DEAD_LETTER_SERVICES, { error: () => `must be one of ${DEAD_LETTER_SERVICES.join(', ')}` });
const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a reason code such as SCHEMA_VIOLATION');
const filterShape = {
  code: code.optional(),
  reason: z.string().min(1, 'give part of the reason text').optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(20),
};
const listSchema = z.object({ service, ...filterShape });
const showSchema = z.object({ id: deadLetterIdSchema });
const replayFlags = { force: z.boolean().default(false), dryRun: z.boolean().default(false) };
const replayOneSchema = z.object({ id: deadLetterIdSchema, ...replayFlags });
const replayManySchema = z.object({ service, ...filterShape, code, ...replayFlags });

const USAGE = `usage:
  dead-letters list --service ingestion|graph|inference|review [--code CODE] [--reason TEXT] [--limit N]
  dead-letters show <id>
  dead-letters replay <id> [--force] [--dry-run]
  dead-letters replay --service S --code CODE [--reason TEXT] [--limit N] [--force] [--dry-run]
  dead-letters [--code CODE] [--limit N]      (ingestion's list, as before)
<id> is <dead-letter-topic>:<partition>:<offset>, as list prints it.`;

/** Parses and validates the command line; throws DeadLettersUsageError with a one-line reason. */
export function parseDeadLettersArgs(argv: readonly string[]): DeadLettersCommand {
  // The tool's first form had no subcommand and listed ingestion's dead letters.
  const args = argv.length === 0 || argv[0].startsWith('--') ? ['list', '--service', 'ingestion', ...argv] : [...argv];
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    return { kind: 'help', text: USAGE };
  }
  let parsed: DeadLettersCommand | undefined;
  const program = new Command('dead-letters').exitOverride().configureOutput({ writeErr: () => undefined });
  const filters = (c: Command): Command =>
    c.option('--service <service>').option('--code <code>').option('--reason <text>').option('--limit <n>');
  filters(program.command('list')).action((o: Record<string, unknown>) => {
    const v = validate(listSchema, o);
    parsed = { kind: 'list', service: v.service, filter: { code: v.code, reason: v.reason, limit: v.limit } };
  });
  program.command('show <id>').action((id: string) => {
    parsed = { kind: 'show', id: validate(showSchema, { id }).id };
  });
  filters(program.command('replay [id]'))
    .option('--force')
    .option('--dry-run')
    .action((id: string | undefined, o: Record<string, unknown>) => {
      if (id !== undefined) {
        if (o.service !== undefined || o.code !== undefined || o.reason !== undefined) {
          throw new DeadLettersUsageError('replay takes either an <id> or --service with --code, not both');
        }
        const v = validate(replayOneSchema, { id, force: o.force, dryRun: o.dryRun });
        parsed = { kind: 'replay-one', ...v };
        return;
      }
      const v = validate(replayManySchema, o);
      const filter = { code: v.code, reason: v.reason, limit: v.limit };
      parsed = { kind: 'replay-many', service: v.service, filter, force: v.force, dryRun: v.dryRun };
    });
  try {
    program.parse(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      throw new DeadLettersUsageError(e.message.replace(/^error: /, ''));
    }
    throw e;
  }
  if (!parsed) {
    throw new DeadLettersUsageError(`unknown command '${args[0]}' (list, show, replay)`);
  }
  return parsed;
}

export const deadLettersUsage = USAGE;

function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') ?? 'arguments';
    const flag = name === 'id' ? '<id>' : `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new DeadLettersUsageError(`${flag}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
