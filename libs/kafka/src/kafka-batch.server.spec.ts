import { Logger } from '@nestjs/common';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';

import { KafkaBatchServer } from './kafka-batch.server';
import { backoffDelay } from './partition-retry.scheduler';

/** A fake eachBatch payload of one partition, recording what the server does with it. */
function payloadOf(offsets: number[]) {
  const resolved: string[] = [];
  const resumed: number[] = [];
  let pauses = 0;
  const messages = offsets.map(
    (o) => ({ offset: String(o), key: Buffer.from('k'), value: Buffer.from(`v${o}`), headers: {} }) as KafkaMessage,
  );
  const payload = {
    batch: { topic: 't', partition: 3, messages, lastOffset: () => String(offsets[offsets.length - 1]) },
    resolveOffset: (o: string) => resolved.push(o),
    commitOffsetsIfNecessary: () => Promise.resolve(),
    heartbeat: () => Promise.resolve(),
    isRunning: () => true,
    isStale: () => false,
    pause: () => {
      pauses++;
      return () => resumed.push(Date.now());
    },
  } as unknown as EachBatchPayload;
  return { payload, resolved, resumed, pauses: () => pauses };
}

describe(KafkaBatchServer.name, () => {
  let handled: string[][];
  let failWhen: (offsets: string[]) => Error | undefined;
  let sut: KafkaBatchServer;
  const handleBatch = (p: EachBatchPayload): Promise<void> =>
    (sut as unknown as { handleBatch(p: EachBatchPayload): Promise<void> }).handleBatch(p);

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    jest.useFakeTimers();
    handled = [];
    failWhen = () => undefined;
    sut = new KafkaBatchServer({ consumer: { groupId: 'g' } }, 2, { initialMs: 100, maxMs: 400 });
    sut.addHandler(
      't',
      (data: { offset: string }[]) => {
        const offsets = data.map((m) => m.offset);
        handled.push(offsets);
        const error = failWhen(offsets);
        return error ? Promise.reject(error) : Promise.resolve();
      },
      true,
    );
  });

  afterEach(() => jest.useRealTimers());

  it('should resolve each chunk after its handler succeeds', async () => {
    const f = payloadOf([10, 11, 12]);

    await handleBatch(f.payload);

    expect(handled).toEqual([['10', '11'], ['12']]);
    expect(f.resolved).toEqual(['11', '12']);
    expect(f.pauses()).toBe(0);
  });

  it('should keep resolved offsets, pause the partition and not throw when a chunk fails', async () => {
    failWhen = (o) => (o.includes('12') ? new Error('connect ECONNREFUSED') : undefined);
    const f = payloadOf([10, 11, 12, 13]);

    await expect(handleBatch(f.payload)).resolves.toBeUndefined();

    expect(f.resolved).toEqual(['11']);
    expect(f.pauses()).toBe(1);
    expect(sut.monitor.partitionsInBackoff()).toMatchObject([
      { topic: 't', partition: 3, attempts: 1, error: 'connect ECONNREFUSED' },
    ]);
  });

  it('should resume the partition after a backoff that doubles per failure up to the cap', async () => {
    failWhen = () => new Error('connect ECONNREFUSED');
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const f = payloadOf([10]);
      await handleBatch(f.payload);
      const pausedAt = Date.now();
      jest.advanceTimersByTime(backoffDelay({ initialMs: 100, maxMs: 400 }, attempt) - 1);
      expect(f.resumed).toEqual([]);
      jest.advanceTimersByTime(1);
      delays.push(f.resumed[0] - pausedAt);
    }

    expect(delays).toEqual([100, 200, 400, 400]);
    expect(sut.monitor.partitionsInBackoff()[0].attempts).toBe(4);
  });

  it('should report the partition recovered once a chunk goes through again', async () => {
    failWhen = () => new Error('connect ECONNREFUSED');
    await handleBatch(payloadOf([10]).payload);
    failWhen = () => undefined;

    const f = payloadOf([10, 11]);
    await handleBatch(f.payload);

    expect(f.resolved).toEqual(['11']);
    expect(sut.monitor.partitionsInBackoff()).toEqual([]);
    expect(sut.monitor.retries).toBe(1);
  });
});
