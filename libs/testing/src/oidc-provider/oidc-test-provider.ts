import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SERVER_SCRIPT = join(__dirname, 'oidc-provider.server.mjs');

export type OidcTestClaims = Record<string, string | string[]>;

export interface OidcTestProviderOptions {
  client: { id: string; secret: string; redirectUri: string };
  /** Accounts by login name: their claims besides `sub` (which is the login name). */
  users: Record<string, OidcTestClaims>;
  /** The host the issuer names (default 127.0.0.1); `localhost` gives a provider whose issuer differs. */
  issuerHost?: string;
}

export interface OidcTestProvider {
  issuer: string;
  port: number;
  /** Replaces a user's claims at the provider (takes effect at that user's next token). */
  setUser(login: string, claims: OidcTestClaims): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a real `oidc-provider` in a child process (an ESM script: the package is ESM-only)
 * and resolves once it listens. Its log goes to test-results/oidc-provider-<port>.log.
 */
export async function startOidcTestProvider(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, OIDC_TEST_PROVIDER_CONFIG: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logDir = join(ROOT, 'test-results');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `oidc-provider-${child.pid ?? 'x'}.log`));
  child.stderr.pipe(log);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('oidc-provider did not start within 30 s')), 30000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /OIDC_TEST_PROVIDER_READY (\d+)/.exec(out);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`oidc-provider exited (${code}) before it was ready; see ${logDir}`));
    });
  });
  child.stdout.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  return {
    issuer: `http://${options.issuerHost ?? '127.0.0.1'}:${port}`,
    port,
    async setUser(login, claims) {
      const res = await fetch(`${base}/test-admin/users/${encodeURIComponent(login)}`, {
        method: 'PUT',
        body: JSON.stringify(claims),
      });
      if (res.status !== 204) {
        throw new Error(`oidc-provider refused the user update: ${res.status}`);
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A TCP port that was free a moment ago (for a service whose URL must be known before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
