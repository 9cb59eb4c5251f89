import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a dependency (PostgreSQL, Neo4j, Kafka) that a test can cut and
 * restore: `cut()` closes every open connection and refuses new ones, as an outage does;
 * `restore()` listens again on the same port. Point the service under test at `url`-style
 * addresses built from `port`.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
    private listenPort: number,
  ) {}

  /** Starts a proxy to the target on `listenPort` (0: any free port; see `port`). */
  static async start(targetHost: string, targetPort: number, listenPort = 0): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort, listenPort);
    await proxy.restore();
    return proxy;
  }

  get port(): number {
    return this.listenPort;
  }

  get isUp(): boolean {
    return this.server !== undefined;
  }

  /** Listens again; new connections reach the target. */
  async restore(): Promise<void> {
    if (this.server) {
      return;
    }
    const server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    this.listenPort = typeof address === 'object' && address ? address.port : this.listenPort;
    this.server = server;
  }

  /** Drops every open connection and refuses new ones until `restore`. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.sockets.forEach((s) => s.destroy());
    this.sockets.clear();
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  async close(): Promise<void> {
    await this.cut();
  }

  private pipe(client: Socket): void {
    const upstream = createConnection(this.targetPort, this.targetHost);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
