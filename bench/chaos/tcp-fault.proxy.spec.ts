import { createConnection, createServer, type Server, type Socket } from 'node:net';

import { TcpFaultProxy } from './tcp-fault.proxy';

/** An echo server on loopback: what the proxy forwards comes back. */
async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((s) => {
    s.on('error', () => s.destroy());
    s.pipe(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('no port');
  }
  return { server, port: address.port };
}

async function connect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createConnection({ port, host: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
}

/** Resolves with what came back (or null when nothing came within the time). */
function reply(socket: Socket, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    socket.once('data', (d: Buffer) => {
      clearTimeout(timer);
      resolve(d.toString());
    });
  });
}

describe(TcpFaultProxy.name, () => {
  let echo: { server: Server; port: number };
  let sut: TcpFaultProxy;
  // Below the ephemeral range (32768-60999): an outgoing connection cannot hold it.
  const port = 26000 + Math.floor(Math.random() * 1000);

  beforeEach(async () => {
    echo = await echoServer();
    sut = new TcpFaultProxy('echo', port, { host: '127.0.0.1', port: echo.port });
    await sut.start();
  });

  afterEach(async () => {
    await sut.stop();
    await new Promise<void>((resolve) => echo.server.close(() => resolve()));
  });

  it('should forward both ways when no fault is set', async () => {
    const c = await connect(port);
    const answer = reply(c, 2000);
    c.write('ping');
    await expect(answer).resolves.toBe('ping');
    c.destroy();
  });

  it('should hold bytes during a stall and deliver them when it ends', async () => {
    const c = await connect(port);
    await new Promise((r) => setTimeout(r, 50));
    sut.stall();
    c.write('held');
    await expect(reply(c, 300)).resolves.toBeNull();
    const answer = reply(c, 2000);
    sut.resume();
    await expect(answer).resolves.toBe('held');
    c.destroy();
  });

  it('should delay each chunk by the latency when latency is set', async () => {
    sut.setLatency(150);
    const c = await connect(port);
    const started = Date.now();
    const answer = reply(c, 3000);
    c.write('slow');
    await expect(answer).resolves.toBe('slow');
    // Both directions are delayed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    c.destroy();
  });

  it('should reset open connections when they are dropped', async () => {
    const c = await connect(port);
    await new Promise((r) => setTimeout(r, 50));
    const closed = new Promise<boolean>((resolve) => c.once('close', () => resolve(true)));
    c.on('error', () => undefined);
    expect(sut.dropAll()).toBe(1);
    await expect(closed).resolves.toBe(true);
    expect(sut.connections).toBe(0);
  });
});
