import type { TopicMessages } from 'kafkajs';

import { ProduceCoalescer } from './produce-coalescer';

/** Records every produce request; refuses any request holding a record named in `refuse`. */
class FakeBroker {
  readonly requests: TopicMessages[][] = [];
  constructor(private readonly refuse = new Set<string>()) {}

  send = (topicMessages: TopicMessages[]): Promise<void> => {
    this.requests.push(topicMessages);
    const refused = topicMessages.flatMap((t) => t.messages).find((m) => this.refuse.has(String(m.value)));
    return refused ? Promise.reject(new Error(`too large: ${String(refused.value)}`)) : Promise.resolve();
  };
}

const msg = (value: string): { key: string; value: string } => ({ key: 'k', value });

describe(ProduceCoalescer.name, () => {
  it('should send the records of callers in the same turn as one request, in submission order', async () => {
    const broker = new FakeBroker();
    const coalescer = new ProduceCoalescer(broker.send);

    await Promise.all([
      coalescer.submit('a', [msg('1')]),
      coalescer.submit('b', [msg('2')]),
      coalescer.submit('a', [msg('3'), msg('4')]),
    ]);

    expect(broker.requests).toEqual([
      [
        { topic: 'a', messages: [msg('1'), msg('3'), msg('4')] },
        { topic: 'b', messages: [msg('2')] },
      ],
    ]);
  });

  it('should send a later caller in a request of its own', async () => {
    const broker = new FakeBroker();
    const coalescer = new ProduceCoalescer(broker.send);

    await coalescer.submit('a', [msg('1')]);
    await coalescer.submit('a', [msg('2')]);

    expect(broker.requests).toHaveLength(2);
  });

  it("should fail only the caller whose record the broker refuses, with the broker's error", async () => {
    const broker = new FakeBroker(new Set(['huge']));
    const coalescer = new ProduceCoalescer(broker.send);

    const results = await Promise.allSettled([
      coalescer.submit('a', [msg('1')]),
      coalescer.submit('a', [msg('huge')]),
      coalescer.submit('b', [msg('2')]),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('too large: huge'));
    // The joined request, then each caller's records alone.
    expect(broker.requests).toHaveLength(4);
  });
});
