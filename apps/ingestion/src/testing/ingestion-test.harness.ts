import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { loadConfig } from '@loanmesh/config';
import { DeadLetterTopics, Topics } from '@loanmesh/contracts';
import { ConsumerHealthRegistry, GlobalExceptionFilter, JsonLogger, serveApiDocs } from '@loanmesh/observability';
import { localServiceHeaders } from '@loanmesh/service-auth';
import {
  createTestDatabase,
  startGroupAtEnd as startGroupAtEndOf,
  TEST_BROKERS,
  type TestDatabase,
  testKafkaClient,
  uniqueId,
  waitFor,
} from '@loanmesh/testing';

import { ingestionApiDocs } from '../api-docs/ingestion-api-docs';
import { IngestionAppModule } from '../app.module';
import { type IngestionConfig, ingestionConfigShape } from '../config/ingestion.config';
import { ingestionTransport } from '../transport/ingestion-transport';

const kafka = testKafkaClient(uniqueId('ingestion-harness'));

/** Environment of one ingestion instance for a test suite: its own database and consumer group. */
export async function testEnvironment(
  overrides: Record<string, string> = {},
): Promise<{ env: Record<string, string>; db: TestDatabase }> {
  const db = await createTestDatabase('ingestion_t');
  const group = uniqueId('ingestion-it');
  const env = {
    HTTP_PORT: '3999',
    SERVICE_NAME: 'ingestion',
    KAFKA_BROKERS: TEST_BROKERS.join(','),
    KAFKA_CLIENT_ID: group,
    KAFKA_GROUP_ID: group,
    DATABASE_URL: db.url,
    PII_HASH_KEY: 'integration-test-key-0123456789',
    LOG_LEVEL: 'warn',
    // Fixtures are dated years back; these suites test the decision path, not the window.
    APPLICATION_DECISION_WINDOW_HOURS: '1000000',
    ...overrides,
  };
  await startGroupAtEnd(group, [Topics.coreBankingEvents, DeadLetterTopics.ingestion]);
  return { env, db };
}

/** A fresh group starts at the current end of its topics (see libs/testing `startGroupAtEnd`). */
export function startGroupAtEnd(groupId: string, topics: readonly string[]): Promise<void> {
  return startGroupAtEndOf(kafka, groupId, topics);
}

/** Resolves once the group has members with partitions assigned (so produced records are seen). */
export async function waitForGroup(groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        return groups[0]?.state === 'Stable' ? true : undefined;
      },
      60000,
      `consumer group ${groupId} to be stable`,
    );
  } finally {
    await admin.disconnect();
  }
}

/** Boots the real ingestion app in-process (HTTP on a free port, Kafka batch transport). */
export async function startIngestion(
  env: Record<string, string>,
): Promise<{ app: INestApplication; config: IngestionConfig; url: string }> {
  const config = loadConfig(ingestionConfigShape, env);
  const logger = new JsonLogger('ingestion', config.LOG_LEVEL);
  const app = await NestFactory.create(IngestionAppModule.forRoot(config), { logger });
  app.useGlobalFilters(new GlobalExceptionFilter());
  serveApiDocs(app, ingestionApiDocs(config));
  const transport = ingestionTransport(config);
  app.connectMicroservice(transport, { inheritAppConfig: true });
  app.get(ConsumerHealthRegistry).registerStrategy(transport);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  await waitForGroup(config.KAFKA_GROUP_ID);
  return { app, config, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** GET with a service credential for ingestion, as review and the tools send it. */
export function ingestionGet(url: string): Promise<Response> {
  return fetch(url, { headers: localServiceHeaders('ingestion') });
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await ingestionGet(url);
  if (!res.ok) {
    throw new Error(`${url}: ${res.status}`);
  }
  return (await res.json()) as T;
}
