import { type HttpCall, runModelsCli } from './models.cli';

describe(runModelsCli.name, () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };

  it('should post the promotion to the service and exit 0 when it succeeds', async () => {
    const calls: unknown[][] = [];
    const http: HttpCall = (method, url, body) => {
      calls.push([method, url, body]);
      return Promise.resolve({ status: 200, body: { state: 'champion' } });
    };
    const { io: sink, out } = io();

    const code = await runModelsCli(
      ['--url', 'http://svc:1', 'promote', 'abc', '--to', 'champion', '--by', 'alice'],
      sink,
      http,
    );

    expect(code).toBe(0);
    expect(calls).toEqual([['POST', 'http://svc:1/models/abc/promote', { to: 'champion', by: 'alice' }]]);
    expect(out.join('\n')).toContain('champion');
  });

  it('should print the gate failure and exit 1 when the service refuses', async () => {
    const http: HttpCall = () => Promise.resolve({ status: 422, body: { code: 'PROMOTION_AUC_GATE_FAILED' } });
    const { io: sink, err } = io();

    const code = await runModelsCli(['promote', 'abc', '--to', 'champion', '--by', 'alice'], sink, http);

    expect(code).toBe(1);
    expect(err.join('\n')).toContain('PROMOTION_AUC_GATE_FAILED');
  });

  it('should exit 2 when a required option is missing', async () => {
    const http: HttpCall = () => Promise.reject(new Error('not called'));
    const { io: sink } = io();

    await expect(runModelsCli(['promote', 'abc', '--to', 'champion'], sink, http)).resolves.toBe(2);
  });
});
