import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { DataSource } from 'typeorm';

import { kafkaConnectionOf, loadConfig } from '@loanmesh/config';
import { type GraphFeaturesComputedEvent, Topics } from '@loanmesh/contracts';
import { batchConsumerTransport } from '@loanmesh/kafka';
import { ConsumerHealthRegistry, GlobalExceptionFilter, serveApiDocs } from '@loanmesh/observability';
import { localServiceHeaders } from '@loanmesh/service-auth';
import {
  createTestDatabase,
  KafkaTestClient,
  TEST_BROKERS,
  type TestDatabase,
  uniqueId,
  waitFor,
} from '@loanmesh/testing';

import { inferenceApiDocs } from '../api-docs/inference-api-docs';
import { InferenceAppModule } from '../app.module';
import { inferenceConfigShape } from '../config/inference.config';
import { ScoredApplicationEntity } from '../scoring/scored-application.entity';
import { FeaturesEventFactory } from './features-event.factory';

export interface InferenceTestApp {
  app: INestApplication;
  db: TestDatabase;
  dataSource: DataSource;
  kafka: KafkaTestClient;
  events: FeaturesEventFactory;
  baseUrl: string;
  publish(events: GraphFeaturesComputedEvent[]): Promise<void>;
  championRows(applicationIds: readonly string[]): Promise<ScoredApplicationEntity[]>;
  /** Stops the app; the database is dropped unless `keepDatabase` (a restart on the same registry). */
  close(keepDatabase?: boolean): Promise<void>;
}

/** The whole inference service against the real Kafka and a fresh PostgreSQL database. */
export async function startInferenceApp(
  env: Record<string, string> = {},
  existing?: TestDatabase,
): Promise<InferenceTestApp> {
  const db = existing ?? (await createTestDatabase('inference_t'));
  const groupId = uniqueId('inference-test');
  const config = loadConfig(inferenceConfigShape, {
    HTTP_PORT: '3999',
    SERVICE_NAME: 'inference-test',
    KAFKA_BROKERS: TEST_BROKERS.join(','),
    KAFKA_CLIENT_ID: groupId,
    KAFKA_GROUP_ID: groupId,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await NestFactory.create(InferenceAppModule.forRoot(config), { logger: ['error'] });
  app.useGlobalFilters(new GlobalExceptionFilter());
  serveApiDocs(app, inferenceApiDocs(config));
  const transport = batchConsumerTransport(kafkaConnectionOf(config), groupId, groupId, false);
  app.connectMicroservice<MicroserviceOptions>(transport);
  app.get(ConsumerHealthRegistry).registerStrategy(transport);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const kafka = new KafkaTestClient();
  const dataSource = app.get(DataSource);
  const events = new FeaturesEventFactory(Math.floor(Math.random() * 1e6));
  const publish = (list: GraphFeaturesComputedEvent[]): Promise<void> =>
    kafka.produce(
      Topics.graphFeaturesComputed,
      list.map((e) => ({ key: e.payload.application.companyId, value: JSON.stringify(e) })),
    );
  const championRows = (ids: readonly string[]): Promise<ScoredApplicationEntity[]> =>
    dataSource
      .getRepository(ScoredApplicationEntity)
      .createQueryBuilder('s')
      .where('s.application_id IN (:...ids)', { ids })
      .andWhere(`s.role = 'champion'`)
      .getMany();
  await waitForConsumer(events, publish, championRows);
  return {
    app,
    db,
    dataSource,
    kafka,
    events,
    baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
    publish,
    championRows,
    async close(keepDatabase = false) {
      await kafka.close();
      await app.close();
      if (!keepDatabase) {
        await db.drop();
      }
    },
  };
}

/** The consumer group joins asynchronously: publish probes until one is scored. */
async function waitForConsumer(
  events: FeaturesEventFactory,
  publish: (e: GraphFeaturesComputedEvent[]) => Promise<void>,
  rows: (ids: readonly string[]) => Promise<ScoredApplicationEntity[]>,
): Promise<void> {
  const probes: string[] = [];
  await waitFor(
    async () => {
      const probe = events.build();
      probes.push(probe.payload.application.applicationId);
      await publish([probe]);
      await new Promise((r) => setTimeout(r, 1000));
      return (await rows(probes)).length > 0 ? true : undefined;
    },
    60000,
    'the inference consumer to join its group',
  );
}

/** As review calls inference, acting for a risk manager (`subject`). */
export const asReview = (subject = 'risk1'): Record<string, string> =>
  localServiceHeaders('inference', { issuer: 'review', subject, roles: ['risk_manager'] });

export async function httpJson(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = asReview(),
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * Maker/checker promotion as review drives it: `maker` requests, `checker` approves. Returns
 * the approval's answer (the promotion's outcome: 200, or the gate's refusal).
 */
export async function promoteThroughRequest(
  baseUrl: string,
  modelId: string,
  to: string,
  people: { maker: string; checker: string } = { maker: 'risk1', checker: 'risk2' },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const requested = await httpJson('POST', `${baseUrl}/promotion-requests`, { modelId, to }, asReview(people.maker));
  if (requested.status !== 201) {
    return requested;
  }
  return httpJson(
    'POST',
    `${baseUrl}/promotion-requests/${String(requested.body.id)}/approve`,
    {},
    asReview(people.checker),
  );
}
