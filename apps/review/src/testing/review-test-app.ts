import type { AddressInfo } from 'node:net';

import type { INestApplication } from '@nestjs/common';

import { loadConfig } from '@loanmesh/config';
import { batchConsumerTransport } from '@loanmesh/kafka';
import { Topics } from '@loanmesh/contracts';
import { bootstrapService } from '@loanmesh/observability';
import {
  createTestDatabase,
  createTestDatabaseRoles,
  fetchTopicOffsetsSettled,
  KafkaTestClient,
  TEST_BROKERS,
  type TestDatabase,
  uniqueId,
} from '@loanmesh/testing';

import { ReviewAppModule } from '../app.module';
import { reviewConfigShape } from '../config/review.config';

export interface ReviewTestApp {
  app: INestApplication;
  url: string;
  db: TestDatabase;
  /** The owner role's URL (the service itself connects as the application role). */
  ownerUrl: string;
  login(username: string): Promise<string>;
  call(
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** Boots the whole review service in-process against a fresh database and the real Kafka. */
export async function startReviewTestApp(env: Record<string, string> = {}): Promise<ReviewTestApp> {
  const db = await createTestDatabase('review_t');
  const roles = await createTestDatabaseRoles(db);
  const group = uniqueId('review-test');
  await skipBacklog(group);
  const config = loadConfig(reviewConfigShape, {
    HTTP_PORT: '1',
    SERVICE_NAME: 'review',
    LOG_LEVEL: 'error',
    KAFKA_BROKERS: TEST_BROKERS.join(','),
    KAFKA_CLIENT_ID: group,
    KAFKA_GROUP_ID: group,
    DATABASE_URL: roles.appUrl,
    DATABASE_MIGRATION_URL: roles.ownerUrl,
    GRAPH_BASE_URL: 'http://127.0.0.1:9',
    INFERENCE_BASE_URL: 'http://127.0.0.1:9',
    INGESTION_BASE_URL: 'http://127.0.0.1:9',
    UPSTREAM_TIMEOUT_MS: '500',
    // The broker outlives the suites: each suite's ledger has its own checkpoints.
    AUDIT_LEDGER_ID: group,
    ...env,
  });
  const app = await bootstrapService(ReviewAppModule.forRoot(config), {
    name: 'review',
    port: 0,
    host: '127.0.0.1',
    logLevel: 'error',
    kafka: batchConsumerTransport(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID, config.KAFKA_GROUP_ID),
    handleSignals: false,
  });
  const url = `http://127.0.0.1:${(app.getHttpServer() as { address(): AddressInfo }).address().port}`;
  const call = async (token: string | undefined, method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      // not JSON (CSV, NDJSON, HTML): keep the text
    }
    return { status: res.status, body: parsed };
  };
  return {
    app,
    url,
    db,
    ownerUrl: roles.ownerUrl,
    call,
    async login(username: string) {
      const res = await call(undefined, 'POST', '/auth/login', { username, password: `${username}-pass` });
      return (res.body as { token: string }).token;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * Starts the new consumer group at the end of the topics it consumes, so a suite sees only
 * the events it produces, not the backlog other runs (or the demo) left on the shared broker.
 */
async function skipBacklog(groupId: string): Promise<void> {
  const client = new KafkaTestClient();
  const admin = client.kafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    const consumed = [Topics.applicationScored, Topics.applicationIncomplete, Topics.domainEvents];
    for (const topic of consumed.filter((x) => existing.includes(x))) {
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
