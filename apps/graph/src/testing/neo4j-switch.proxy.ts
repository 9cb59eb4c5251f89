import { createServer, type Server, Socket } from 'node:net';

import { TEST_NEO4J_PORT } from '@loanmesh/testing';

export type ProxyMode = 'up' | 'silent';

/**
 * A TCP proxy in front of the tests' Neo4j, so a test can make "Neo4j" stop answering
 * for one service without stopping the server the other suites use. `silent` accepts
 * connections and never answers (the worst case: no connection-refused to fail fast on).
 */
export class Neo4jSwitchProxy {
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  mode: ProxyMode = 'up';

  constructor(private readonly target = { host: '127.0.0.1', port: TEST_NEO4J_PORT }) {}

  get url(): string {
    const address = this.server?.address();
    return `bolt://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async start(): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  /** Switches mode and drops every open connection, so pooled ones cannot bypass the switch. */
  switchTo(mode: ProxyMode): void {
    this.mode = mode;
    this.sockets.forEach((s) => s.destroy());
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    this.switchTo('silent');
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    this.sockets.add(client);
    client.on('error', () => client.destroy());
    client.on('close', () => this.sockets.delete(client));
    if (this.mode === 'silent') {
      return;
    }
    const upstream = new Socket();
    this.sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.connect(this.target.port, this.target.host, () => {
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }
}
