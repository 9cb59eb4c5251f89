import { randomUUID } from 'node:crypto';

import { coreBankingRegistry, parseEvent, Topics, type CoreBankingEvent } from '@loanmesh/contracts';
import { fetchTopicOffsetsSettled, TEST_BROKERS, TEST_KAFKA, testKafkaClient } from '@loanmesh/testing';

import { FeedRunnerService } from '../feed/feed-runner.service';
import { KafkaEventSink } from './kafka-event.sink';

const brokers = TEST_BROKERS;

describe(KafkaEventSink.name, () => {
  it('should publish a small world to Kafka and read every event back when run end to end', async () => {
    const seed = 1 + Math.floor(Math.random() * 1e6);
    const kafka = testKafkaClient('feed-int-spec');
    const opener = new KafkaEventSink(TEST_KAFKA);
    await opener.open();
    await opener.close();
    const admin = kafka.admin();
    await admin.connect();
    const before = await fetchTopicOffsetsSettled(admin, Topics.coreBankingEvents);
    await admin.disconnect();
    const runner = new FeedRunnerService(
      {
        seed,
        scale: 0.005,
        brokers,
        backlog: true,
        rate: 1000,
        count: 10,
        liveRun: 0,
        faults: 0,
        batchSize: 500,
        progress: false,
      },
      new KafkaEventSink(TEST_KAFKA),
      () => undefined,
    );
    const summary = await runner.run();
    const expected = summary.backlog.records + summary.live.records;

    const consumer = kafka.consumer({ groupId: `feed-int-spec-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.coreBankingEvents, fromBeginning: false });
    const mine: CoreBankingEvent[] = [];
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const event = parseEvent<CoreBankingEvent>(message.value, coreBankingRegistry);
          mine.push(event);
          expect(message.key?.toString()).toBeTruthy();
          if (mine.length >= expected) {
            resolve();
          }
          await Promise.resolve();
        },
      });
    });
    // Read only what this run wrote: from the offsets the topic had before it.
    before.forEach((p) => consumer.seek({ topic: Topics.coreBankingEvents, partition: p.partition, offset: p.offset }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`read ${mine.length}/${expected}`)), 90_000)),
    );
    await Promise.race([done, timeout]).finally(() => clearTimeout(timer));
    await consumer.disconnect();
    expect(mine.length).toBe(expected);
    expect(new Set(mine.map((e) => e.eventId)).size).toBe(expected);
    expect(mine.filter((e) => e.type === 'loan.application-submitted').length).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
