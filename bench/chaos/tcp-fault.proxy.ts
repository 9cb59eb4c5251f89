import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** One client connection and its upstream twin. */
interface Link {
  client: Socket;
  upstream: Socket;
}

/**
 * A loopback TCP proxy with faults a network can have: added latency per chunk (order kept),
 * a stall (no byte forwarded either way and new connections held unanswered, as a frozen
 * database host looks to its clients) and dropped connections (reset). It sits between one
 * service and one dependency, so a fault hits that link only.
 */
export class TcpFaultProxy {
  private server?: Server;
  private readonly links = new Set<Link>();
  /** Client sockets accepted during a stall, connected upstream when it ends. */
  private readonly held: Socket[] = [];
  private latencyMs = 0;
  private stalled = false;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async start(): Promise<void> {
    const server = createServer({ noDelay: true }, (client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    this.dropAll();
    this.held.splice(0).forEach((s) => s.destroy());
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  get connections(): number {
    return this.links.size;
  }

  /** Every chunk, in both directions, is delivered this much later (0: none). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Stops forwarding: open connections go silent, new ones are accepted but not answered. */
  stall(): void {
    this.stalled = true;
    for (const { client, upstream } of this.links) {
      client.pause();
      upstream.pause();
    }
  }

  resume(): void {
    this.stalled = false;
    for (const { client, upstream } of this.links) {
      client.resume();
      upstream.resume();
    }
    this.held.splice(0).forEach((client) => this.connect(client));
  }

  /** Resets every open connection (RST to both sides); returns how many. */
  dropAll(): number {
    const n = this.links.size;
    for (const { client, upstream } of [...this.links]) {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    }
    this.links.clear();
    return n;
  }

  private accept(client: Socket): void {
    client.on('error', () => client.destroy());
    if (this.stalled) {
      client.pause();
      this.held.push(client);
      client.once('close', () => {
        const at = this.held.indexOf(client);
        if (at >= 0) {
          this.held.splice(at, 1);
        }
      });
      return;
    }
    this.connect(client);
  }

  private connect(client: Socket): void {
    if (client.destroyed) {
      return;
    }
    const upstream = createConnection({ ...this.target, noDelay: true });
    const link = { client, upstream };
    this.links.add(link);
    const close = (): void => {
      this.links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', close);
    client.on('error', close);
    upstream.on('close', close);
    client.on('close', close);
    this.pipe(client, upstream);
    this.pipe(upstream, client);
    client.resume();
  }

  /** Forwards `from` to `to`, each chunk after the current latency, never reordering chunks. */
  private pipe(from: Socket, to: Socket): void {
    let lastDue = 0;
    from.on('data', (chunk: Buffer) => {
      if (this.latencyMs <= 0 && lastDue <= Date.now()) {
        to.write(chunk);
        return;
      }
      const due = Math.max(Date.now() + this.latencyMs, lastDue);
      lastDue = due;
      setTimeout(() => {
        if (!to.destroyed) {
          to.write(chunk);
        }
      }, due - Date.now());
    });
  }
}
