import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import type { INestApplication } from '@nestjs/common';

import { kafkaConnectionOf, loadConfig } from '@loanmesh/config';
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

import { reviewApiDocs } from '../api-docs/review-api-docs';
import { ReviewAppModule } from '../app.module';
import type { Role } from '../auth/role';
import { reviewConfigShape } from '../config/review.config';
import { UsersService } from '../users/users.service';

export interface ReviewTestApp {
  app: INestApplication;
  url: string;
  db: TestDatabase;
  /** The owner role's URL (the service itself connects as the application role). */
  ownerUrl: string;
  /**
   * Signs in and resolves to the access token. The user is created on first use: a name of
   * `TEST_USER_ROLES` gets its role there; any other must be added with `addUser` first.
   */
  login(username: string): Promise<string>;
  /** Creates a user with a random password (kept for `login`) and resolves to that password. */
  addUser(username: string, role: Role): Promise<string>;
  /** The password `addUser` or `login` gave the user (for browser tests that type it). */
  passwordOf(username: string): Promise<string>;
  call(
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** The users tests sign in as by name, created on first use with a random password (no seeded users). */
export const TEST_USER_ROLES: Readonly<Record<string, Role>> = {
  officer1: 'officer',
  officer2: 'officer',
  senior1: 'senior_officer',
  senior2: 'senior_officer',
  risk1: 'risk_manager',
  risk2: 'risk_manager',
  auditor1: 'auditor',
  admin1: 'admin',
};

/**
 * Boots the whole review service in-process against a fresh database and the real Kafka.
 * `port`: a fixed port, for a URL that must be known before boot (an OIDC redirect URL).
 */
export async function startReviewTestApp(
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<ReviewTestApp> {
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
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...env,
  });
  const app = await bootstrapService(ReviewAppModule.forRoot(config), {
    name: 'review',
    port: options.port ?? 0,
    host: '127.0.0.1',
    logLevel: 'error',
    apiDocs: reviewApiDocs(config),
    kafka: batchConsumerTransport(kafkaConnectionOf(config), config.KAFKA_CLIENT_ID, config.KAFKA_GROUP_ID),
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
  const users = app.get(UsersService);
  const passwords = new Map<string, string>();
  const addUser = async (username: string, role: Role) => {
    const { password } = await users.add({ username, role }, 'test-harness');
    passwords.set(username, password);
    return password;
  };
  const passwordOf = async (username: string) => {
    const known = passwords.get(username);
    if (known !== undefined) {
      return known;
    }
    const role = TEST_USER_ROLES[username];
    if (!role) {
      throw new Error(`no test user ${username}: add it with addUser(username, role) first`);
    }
    return addUser(username, role);
  };
  return {
    app,
    url,
    db,
    ownerUrl: roles.ownerUrl,
    call,
    addUser,
    passwordOf,
    async login(username: string) {
      const res = await call(undefined, 'POST', '/auth/login', { username, password: await passwordOf(username) });
      if (res.status !== 200) {
        throw new Error(`login as ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
      }
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
    const consumed = [Topics.applicationScored, Topics.applicationIncomplete, Topics.domainEvents, Topics.earlyWarning];
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
