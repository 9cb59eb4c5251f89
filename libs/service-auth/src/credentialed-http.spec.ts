import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { fetchHttpWith } from './credentialed-http';

describe(fetchHttpWith.name, () => {
  let server: Server;
  let url: string;
  let connections = 0;
  const seen: { method?: string; path?: string; credential?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, path: req.url, credential: req.headers['x-credential'] as string, body });
        res.setHeader('content-type', 'application/json');
        res.end(req.url === '/empty' ? '' : JSON.stringify({ echoed: body ? (JSON.parse(body) as unknown) : null }));
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the credential of the acting person and the JSON body, and parses the answer', async () => {
    const http = fetchHttpWith((actor) => ({ 'x-credential': `token-for-${actor ?? 'nobody'}` }));

    const answer = await http('POST', `${url}/models/shadow`, { name: 'm' }, 'ops1');

    expect(answer).toEqual({ status: 200, body: { echoed: { name: 'm' } } });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      path: '/models/shadow',
      credential: 'token-for-ops1',
      body: '{"name":"m"}',
    });
    expect(await http('GET', `${url}/empty`)).toEqual({ status: 200, body: null });
  });

  it('opens a connection per request, so none is reused as the server closes it for idleness', async () => {
    const http = fetchHttpWith(() => ({}));
    const before = connections;

    await http('GET', `${url}/a`);
    await http('GET', `${url}/b`);

    expect(connections - before).toBe(2);
  });

  it('rejects when nothing listens', async () => {
    await expect(fetchHttpWith(() => ({}))('GET', 'http://127.0.0.1:1/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
