import { Command, CommanderError } from 'commander';

import type { HttpCall } from '@loanmesh/service-auth';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `npm run models -- list | show <id> | compare | rollback`: a client of the inference service's
 * registry API. Promotion is maker/checker through review (`POST /models/:id/promotion-requests`
 * by one risk manager, approve by another); inference has no direct promote route. `rollback`
 * restores the previous champion (already approved once) in the name of `--by`.
 */
export async function runModelsCli(argv: string[], io: CliIo, http: HttpCall): Promise<number> {
  let code = 0;
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    base: string,
    body?: unknown,
    actor?: string,
  ): Promise<void> => {
    const res = await http(method, `${base.replace(/\/$/, '')}${path}`, body, actor);
    (res.status < 400 ? io.out : io.err)(JSON.stringify(res.body, null, 2));
    code = res.status < 400 ? 0 : 1;
  };
  const program = new Command('models')
    .description('Model registry of the inference service: list, show, compare, rollback (promotion: through review).')
    .option('--url <url>', 'inference service base URL', 'http://127.0.0.1:3003')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const base = (): string => program.opts<{ url: string }>().url;
  program
    .command('list')
    .description('all registered versions')
    .action(() => call('GET', '/models', base()));
  program
    .command('show <id>')
    .description('one version with its card and promotion log')
    .action((id: string) => call('GET', `/models/${id}`, base()));
  program
    .command('compare')
    .description('champion versus challenger report')
    .action(() => call('GET', '/models/comparison', base()));
  program
    .command('rollback')
    .description('make the previous champion (the standby) champion again, live; recorded in the promotion log')
    .requiredOption('--by <person>', 'who rolls back (recorded)')
    .requiredOption('--reason <text>', 'why (recorded)')
    .action((o: { by: string; reason: string }) =>
      call('POST', '/models/rollback', base(), { reason: o.reason }, o.by),
    );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    io.err(`models: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
