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

/** Real HTTP; `credential` gives each request its service-credential header. */
export const fetchHttpWith =
  (credential: () => Record<string, string>): HttpCall =>
  async (method, url, body) => {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...credential() },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };

/**
 * `npm run models -- list | show <id> | compare`: a read-only client of the inference service's
 * registry API. Promotion is maker/checker through review (`POST /models/:id/promotion-requests`
 * by one risk manager, approve by another); inference has no direct promote route any more.
 */
export async function runModelsCli(argv: string[], io: CliIo, http: HttpCall): Promise<number> {
  let code = 0;
  const call = async (method: 'GET' | 'POST', path: string, base: string, body?: unknown): Promise<void> => {
    const res = await http(method, `${base.replace(/\/$/, '')}${path}`, body);
    (res.status < 400 ? io.out : io.err)(JSON.stringify(res.body, null, 2));
    code = res.status < 400 ? 0 : 1;
  };
  const program = new Command('models')
    .description('Model registry of the inference service: list, show, compare (promotion: through review).')
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
