import type { HttpCall } from '@loanmesh/service-auth';

import { runModelsCli } from './models.cli';

describe(runModelsCli.name, () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };

  it('should get one version from the service and exit 0 when it answers', async () => {
    const calls: unknown[][] = [];
    const http: HttpCall = (method, url, body) => {
      calls.push([method, url, body]);
      return Promise.resolve({ status: 200, body: { state: 'champion' } });
    };
    const { io: sink, out } = io();

    const code = await runModelsCli(['--url', 'http://svc:1', 'show', 'abc'], sink, http);

    expect(code).toBe(0);
    expect(calls).toEqual([['GET', 'http://svc:1/models/abc', undefined]]);
    expect(out.join('\n')).toContain('champion');
  });

  it('should print the refusal and exit 1 when the service refuses', async () => {
    const http: HttpCall = () => Promise.resolve({ status: 401, body: { code: 'SERVICE_CREDENTIAL_MISSING' } });
    const { io: sink, err } = io();

    const code = await runModelsCli(['list'], sink, http);

    expect(code).toBe(1);
    expect(err.join('\n')).toContain('SERVICE_CREDENTIAL_MISSING');
  });

  it('should have no promote command: promotion is maker/checker through review', async () => {
    const http: HttpCall = () => Promise.reject(new Error('not called'));
    const { io: sink } = io();

    await expect(runModelsCli(['promote', 'abc', '--to', 'champion', '--by', 'alice'], sink, http)).resolves.toBe(2);
  });

  it('should post the rollback in the name of --by and exit 0 when the service answers', async () => {
    const calls: unknown[][] = [];
    const http: HttpCall = (method, url, body, actor) => {
      calls.push([method, url, body, actor]);
      return Promise.resolve({ status: 200, body: { champion: { version: 'world-gbm-graph:v1' } } });
    };
    const { io: sink } = io();

    const code = await runModelsCli(['rollback', '--by', 'alice', '--reason', 'bad scores'], sink, http);

    expect(code).toBe(0);
    expect(calls).toEqual([['POST', 'http://127.0.0.1:3003/models/rollback', { reason: 'bad scores' }, 'alice']]);
  });

  it('should refuse a rollback without a person when --by is missing', async () => {
    const http: HttpCall = () => Promise.reject(new Error('not called'));
    const { io: sink } = io();

    await expect(runModelsCli(['rollback', '--reason', 'x'], sink, http)).resolves.toBe(2);
  });
});
