import { Controller, type INestApplication, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext, type MicroserviceOptions } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';

import { DeadLetterTopics, Headers } from '@loanmesh/contracts';
import { ObservabilityModule } from '@loanmesh/observability';
import {
  createTestTopics,
  KafkaTestClient,
  type PingEvent,
  pingRegistry,
  TEST_KAFKA,
  TEST_ROUND_TRIP_TOPIC,
  uniqueId,
  waitFor,
} from '@loanmesh/testing';

import { InboundProcessorService } from './inbound-processor.service';
import { kafkaMicroserviceOptions } from './kafka-microservice.options';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { KafkaModule } from './kafka.module';

@Injectable()
class PingService {
  readonly seen: number[] = [];
  handle(event: PingEvent): Promise<'processed'> {
    this.seen.push(event.payload.n);
    return Promise.resolve('processed');
  }
}

@Controller()
class PingConsumer {
  constructor(
    private readonly inbound: InboundProcessorService,
    private readonly service: PingService,
  ) {}

  @EventPattern(TEST_ROUND_TRIP_TOPIC)
  async onPing(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbound.process<PingEvent>(ctx, pingRegistry, (e) => this.service.handle(e));
  }
}

const ping = (n: number): string =>
  JSON.stringify({
    eventId: randomUUID(),
    type: 'test.ping',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    producedAt: new Date().toISOString(),
    source: 'test',
    correlationId: 'corr-' + n,
    payload: { n },
  });

describe('Nest Kafka transport with the real broker', () => {
  let app: INestApplication;
  let client: KafkaTestClient;
  let service: PingService;

  beforeAll(async () => {
    await createTestTopics([TEST_ROUND_TRIP_TOPIC]);
    @Module({
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator),
        KafkaModule.forRoot({
          connection: TEST_KAFKA,
          clientId: 'transport-test',
          deadLetterTopic: DeadLetterTopics.test,
          topics: [TEST_ROUND_TRIP_TOPIC],
        }),
      ],
      controllers: [PingConsumer],
      providers: [PingService],
    })
    class TestAppModule {}

    app = await NestFactory.create(TestAppModule, { logger: false });
    await app.init();
    const options = kafkaMicroserviceOptions(TEST_KAFKA, 'transport-test', uniqueId('transport-group'));
    app.connectMicroservice<MicroserviceOptions>({
      ...options,
      options: { ...options.options, subscribe: { fromBeginning: false } },
    });
    await app.startAllMicroservices();
    service = app.get(PingService);
    client = new KafkaTestClient();
    // The consumer group joins asynchronously: wait until a probe message arrives.
    await waitFor(
      async () => {
        await client.produce(TEST_ROUND_TRIP_TOPIC, [{ key: 'probe', value: ping(-1) }]);
        // A probe sent before the group owned the partition is never seen: send another.
        return waitFor(() => (service.seen.includes(-1) ? true : undefined), 1000, 'the probe').catch(() => undefined);
      },
      60000,
      'consumer group to join',
    );
  }, 90000);

  afterAll(async () => {
    await client?.close();
    await app?.close();
  });

  it('should deliver a produced event to the handler through the consumer group', async () => {
    await client.produce(TEST_ROUND_TRIP_TOPIC, [{ key: 'k1', value: ping(101) }]);
    await waitFor(() => (service.seen.includes(101) ? true : undefined), 20000, 'event 101');
    expect(service.seen).toContain(101);
  });

  it('should dead-letter a malformed record with its reason and keep the partition flowing', async () => {
    const dlq = await client.capture([DeadLetterTopics.test]);
    const key = 'same-partition';
    await client.produce(TEST_ROUND_TRIP_TOPIC, [
      { key, value: '{"not json' },
      { key, value: JSON.stringify({ type: 'test.ping', schemaVersion: 1, payload: { n: 'x' } }) },
      { key, value: ping(202) },
    ]);
    await waitFor(() => (service.seen.includes(202) ? true : undefined), 20000, 'event after poison');
    const dead = await waitFor(() => (dlq.length >= 2 ? dlq : undefined), 20000, 'two dead letters');
    const codes = dead.map((d) => d.headers[Headers.deadLetterCode]).sort();
    expect(codes).toEqual(['MALFORMED_JSON', 'SCHEMA_VIOLATION']);
    expect(dead[0].value?.toString()).toBe('{"not json');
    expect(dead.every((d) => d.headers[Headers.originalTopic] === TEST_ROUND_TRIP_TOPIC)).toBe(true);
  });

  it('should report ready when the broker answers', async () => {
    await expect(app.get(KafkaHealthIndicator).check()).resolves.toBeUndefined();
  });
});
