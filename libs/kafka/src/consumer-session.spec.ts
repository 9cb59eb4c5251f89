import { CONSUMER_SESSION, withHeartbeats } from './consumer-session';

describe('withHeartbeats', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('heartbeats while the work runs and stops when it settles', async () => {
    const heartbeat = jest.fn(() => Promise.resolve());
    let finish!: (v: string) => void;
    const running = withHeartbeats(heartbeat, () => new Promise<string>((r) => (finish = r)), 1000);

    await jest.advanceTimersByTimeAsync(3500);
    expect(heartbeat).toHaveBeenCalledTimes(3);

    finish('done');
    await expect(running).resolves.toBe('done');
    await jest.advanceTimersByTimeAsync(5000);
    expect(heartbeat).toHaveBeenCalledTimes(3);
  });

  it('stops heartbeating once the group says this member must rejoin, and the work goes on', async () => {
    const expelled = Object.assign(new Error('The coordinator is not aware of this member'), {
      type: 'UNKNOWN_MEMBER_ID',
    });
    const heartbeat = jest.fn(() => Promise.reject(expelled));
    let finish!: (v: string) => void;
    const running = withHeartbeats(heartbeat, () => new Promise<string>((r) => (finish = r)), 1000);

    await jest.advanceTimersByTimeAsync(5500);
    expect(heartbeat).toHaveBeenCalledTimes(1);
    finish('written');
    await expect(running).resolves.toBe('written');
  });

  it('keeps heartbeating after a failure that is not about membership', async () => {
    const heartbeat = jest
      .fn<Promise<void>, []>()
      .mockRejectedValueOnce(Object.assign(new Error('connection closed'), { type: 'NETWORK' }))
      .mockResolvedValue(undefined);
    let finish!: () => void;
    const running = withHeartbeats(heartbeat, () => new Promise<void>((r) => (finish = r)), 1000);

    await jest.advanceTimersByTimeAsync(3500);
    expect(heartbeat).toHaveBeenCalledTimes(3);
    finish();
    await running;
  });

  it('keeps the work going when a heartbeat fails and passes the work error through', async () => {
    const heartbeat = jest.fn(() => Promise.reject(new Error('broker unreachable')));
    let fail!: (e: Error) => void;
    const running = withHeartbeats(heartbeat, () => new Promise<void>((_, reject) => (fail = reject)), 1000);

    await jest.advanceTimersByTimeAsync(2500);
    expect(heartbeat).toHaveBeenCalledTimes(2);
    fail(new Error('neo4j down'));
    await expect(running).rejects.toThrow('neo4j down');
  });

  it('heartbeats at least three times per session, as the broker requires', () => {
    expect(CONSUMER_SESSION.heartbeatInterval * 3).toBeLessThanOrEqual(CONSUMER_SESSION.sessionTimeout);
  });
});
