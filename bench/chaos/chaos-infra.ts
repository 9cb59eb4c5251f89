import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs a command without blocking the event loop (the fault proxies live in this process). */
export function runCommand(args: string[], env: Record<string, string> = {}, quiet = true): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(args[0], args.slice(1), {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}: ${output.trim().slice(-600)}`)),
    );
  });
}

/**
 * The chaos suite's own Kafka and Neo4j: scripts/test-infra.sh (the same jars and launcher
 * as the dev stack) on the chaos ports and data directory, so neither the dev stack nor the
 * tests' infrastructure is touched. Kafka is killed with SIGKILL by its pid file.
 */
export class ChaosInfra {
  constructor(
    private readonly kafkaPort: number,
    private readonly neo4jPort: number,
    private readonly dataDir: string,
  ) {}

  private get env(): Record<string, string> {
    return {
      LOANMESH_TEST_KAFKA_PORT: String(this.kafkaPort),
      LOANMESH_TEST_NEO4J_PORT: String(this.neo4jPort),
      LOANMESH_TEST_INFRA_DATA: this.dataDir,
    };
  }

  private infra(command: string): Promise<void> {
    return runCommand(['bash', 'scripts/test-infra.sh', command], this.env);
  }

  /** Starts empty: earlier runs' topics, offsets and graph are deleted first. */
  async freshUp(): Promise<void> {
    await this.infra('reset');
    await this.up();
  }

  down(): Promise<void> {
    return this.infra('down');
  }

  /**
   * Starts whatever is not running (a killed broker restarts on its data directory) and waits
   * until both answer; waits once more when the first wait (120 s) ends first, as it can on a
   * loaded machine while a JVM is still starting.
   */
  async up(): Promise<void> {
    await this.infra('up').catch(() => this.infra('up'));
  }

  kafkaPid(): number {
    return Number(readFileSync(join(this.dataDir, 'kafka.pid'), 'utf8').trim());
  }

  /** `kill -9` of the broker; resolves once the process is gone. */
  async killKafka(): Promise<number> {
    const pid = this.kafkaPid();
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && alive(pid)) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return pid;
  }

  /** Stops Neo4j as an operator would (SIGTERM, SIGKILL after 30 s). */
  stopNeo4j(): Promise<void> {
    return this.infra('stop-neo4j');
  }

  async startNeo4j(): Promise<void> {
    await this.infra('start-neo4j').catch(() => this.infra('up'));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
