import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';

import { type ApplicationReceivedEvent, type GraphFeaturesComputedEvent, Topics } from '@loanmesh/contracts';
import { ConsumerHealthRegistry, GlobalExceptionFilter, serveApiDocs } from '@loanmesh/observability';
import {
  type CapturedRecord,
  fetchTopicOffsetsSettled,
  KafkaTestClient,
  TEST_BROKERS,
  uniqueId,
} from '@loanmesh/testing';

import { graphApiDocs } from '../api-docs/graph-api-docs';
import { GraphAppModule } from '../app.module';
import { graphTransport } from '../transport/graph-transport';
import { testConfig } from './graph-test.harness';

export interface GraphTestApp {
  app: INestApplication;
  url: string;
  kafka: KafkaTestClient;
  publishApplication(event: ApplicationReceivedEvent): Promise<void>;
  close(): Promise<void>;
}

/**
 * The graph service (HTTP, Nest Kafka transport for applications) against the real Kafka and
 * the given Neo4j. The domain-event writer consumer is off: other engineers publish domain
 * events to the shared broker and a test must not write their entities into the shared Neo4j,
 * so suites write their graph through GraphWriterService (the same code the consumer calls), and
 * only applications of the suite's prefix are served (no features for anyone else's applications).
 */
export async function startGraphTestApp(prefix: string, env: Record<string, string> = {}): Promise<GraphTestApp> {
  const group = uniqueId('graph-test');
  await skipBacklog(group, Topics.applicationReceived);
  const config = testConfig({
    KAFKA_BROKERS: TEST_BROKERS.join(','),
    KAFKA_CLIENT_ID: group,
    KAFKA_GROUP_ID: group,
    GRAPH_WRITER_ENABLED: 'false',
    GRAPH_VIEW_FOLLOW_ENABLED: 'false',
    // The suite writes its graph itself: how far behind the broker's domain events it is says nothing.
    GRAPH_MAX_LAG_EVENTS: String(Number.MAX_SAFE_INTEGER),
    GRAPH_MAX_LAG_SECONDS: String(Number.MAX_SAFE_INTEGER),
    GRAPH_SERVE_COMPANY_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await NestFactory.create(GraphAppModule.forRoot(config), { logger: ['error'] });
  app.useGlobalFilters(new GlobalExceptionFilter());
  serveApiDocs(app, graphApiDocs(config));
  await app.init();
  const transport = graphTransport(config, false);
  app.connectMicroservice<MicroserviceOptions>(transport, { inheritAppConfig: true });
  app.get(ConsumerHealthRegistry).registerStrategy(transport);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const kafka = new KafkaTestClient();
  return {
    app,
    url: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
    kafka,
    publishApplication: (e) =>
      kafka.produce(Topics.applicationReceived, [{ key: e.payload.application.companyId, value: JSON.stringify(e) }]),
    async close() {
      await kafka.close();
      await app.close();
    },
  };
}

/** The features published for one application, in arrival order. */
export function featuresFor(records: CapturedRecord[], applicationId: string): GraphFeaturesComputedEvent[] {
  return records
    .map((r) => JSON.parse(r.value?.toString() ?? '{}') as GraphFeaturesComputedEvent)
    .filter((e) => e.payload?.application?.applicationId === applicationId);
}

/** New test groups start at the end of their topics: a suite sees only what it produces, not the shared backlog. */
async function skipBacklog(groupId: string, topic: string): Promise<void> {
  const client = new KafkaTestClient();
  const admin = client.kafka.admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(topic)) {
      const ends = await fetchTopicOffsetsSettled(admin, topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
      });
    }
  } finally {
    await admin.disconnect();
    await client.close();
  }
}
