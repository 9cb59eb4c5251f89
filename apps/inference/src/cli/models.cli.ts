import { Command, CommanderError } from 'commander';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** HTTP behind an adapter, so the CLI's tests need no server. */
export type HttpCall = (
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;

export const fetchHttp: HttpCall = async (method, url, body) => {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
};

/**
 * `npm run models -- list | show <id> | promote <id> --to champion --by alice | compare`:
 * a thin client of the inference service's registry API, so gates and hot swap run in one place.
 */
export async function runModelsCli(argv: string[], io: CliIo, http: HttpCall = fetchHttp): Promise<number> {
  let code = 0;
  const call = async (method: 'GET' | 'POST', path: string, base: string, body?: unknown): Promise<void> => {
    const res = await http(method, `${base.replace(/\/$/, '')}${path}`, body);
    (res.status < 400 ? io.out : io.err)(JSON.stringify(res.body, null, 2));
    code = res.status < 400 ? 0 : 1;
  };
  const program = new Command('models')
    .description('Model registry of the inference service: list, show, promote (with gates), compare.')
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
    .command('promote <id>')
    .description('move a version to champion, challenger or retired (gates: parity, AUC margin)')
    .requiredOption('--to <state>', 'champion | challenger | retired')
    .requiredOption('--by <who>', 'who promotes (recorded in the promotion log)')
    .action((id: string, o: { to: string; by: string }) =>
      call('POST', `/models/${id}/promote`, base(), { to: o.to, by: o.by }),
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
