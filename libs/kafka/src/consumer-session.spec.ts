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

  it('keeps the work going when a heartbeat fails and passes the work error through', async () => {
    const heartbeat = jest.fn(() => Promise.reject(new Error('REBALANCE_IN_PROGRESS')));
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
