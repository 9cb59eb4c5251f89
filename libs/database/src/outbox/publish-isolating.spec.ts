import type { OutboxPublisher, RelayedMessage } from './outbox-publisher';
import { publishIsolating } from './publish-isolating';

const row = (id: string, value = 'ok'): RelayedMessage => ({ id, topic: 't', key: id, payload: value, headers: {} });
const tooLarge = Object.assign(new Error('message too large'), { type: 'MESSAGE_TOO_LARGE' });
const brokerAway = Object.assign(new Error('connect ECONNREFUSED'), { name: 'KafkaJSConnectionError' });

/** A broker that refuses `big` records for good, or is away altogether. */
function broker(opts: { away?: boolean; holdBackAfter?: number } = {}): OutboxPublisher & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    publish(messages: readonly RelayedMessage[]): Promise<number | void> {
      if (opts.away) {
        return Promise.reject(brokerAway);
      }
      if (messages.some((m) => m.payload === 'big')) {
        return Promise.reject(tooLarge);
      }
      const taken = opts.holdBackAfter === undefined ? messages : messages.slice(0, opts.holdBackAfter);
      sent.push(...taken.map((m) => m.id));
      return Promise.resolve(opts.holdBackAfter === undefined ? undefined : taken.length);
    },
  };
}

describe(publishIsolating.name, () => {
  it('publishes the whole batch when the broker takes it', async () => {
    const setAside = jest.fn(() => Promise.resolve());
    const published = await publishIsolating(broker(), [row('1'), row('2')], setAside);
    expect(published.map((m) => m.id)).toEqual(['1', '2']);
    expect(setAside).not.toHaveBeenCalled();
  });

  it('counts only the prefix a publisher took when it holds the rest back', async () => {
    const published = await publishIsolating(broker({ holdBackAfter: 1 }), [row('1'), row('2')], () =>
      Promise.resolve(),
    );
    expect(published.map((m) => m.id)).toEqual(['1']);
  });

  it('sets aside a row refused for good with the reason, and publishes the rows behind it', async () => {
    const b = broker();
    const aside: [string, string][] = [];
    const published = await publishIsolating(b, [row('1'), row('2', 'big'), row('3')], (m, reason) => {
      aside.push([m.id, reason]);
      return Promise.resolve();
    });
    expect(published.map((m) => m.id)).toEqual(['1', '3']);
    expect(b.sent).toEqual(['1', '3']);
    expect(aside).toEqual([['2', expect.stringContaining('message too large')]]);
  });

  it('throws when the broker is away, so nothing is marked and the round is retried', async () => {
    const setAside = jest.fn(() => Promise.resolve());
    await expect(publishIsolating(broker({ away: true }), [row('1')], setAside)).rejects.toBe(brokerAway);
    expect(setAside).not.toHaveBeenCalled();
  });
});
