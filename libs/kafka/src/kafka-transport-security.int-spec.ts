import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Kafka, logLevel } from 'kafkajs';

import { kafkaConnectionConfig, kafkaConnectionOf, loadConfig } from '@loanmesh/config';
import { Topics } from '@loanmesh/contracts';
import {
  localKafkaPassword,
  startGroupAtEnd,
  TEST_KAFKA_CA_FILE,
  TEST_KAFKA_SASL_SSL_BROKERS,
  testKafkaClient,
  uniqueId,
  waitFor,
} from '@loanmesh/testing';

import { createKafkaClient } from './kafka-client.factory';

/**
 * The broker's SASL_SSL listener (infra/infra.sh, ACLs from `kafka:provision`): a service
 * reaches Kafka only with its own SCRAM user over verified TLS, and only where its ACLs allow.
 */
describe('Kafka transport security (real broker, SASL_SSL listener)', () => {
  jest.setTimeout(60_000);
  const plaintext = testKafkaClient(uniqueId('security-admin'));
  let otherCaDir: string;

  /** A client exactly as a service builds it: environment -> validated config -> factory. */
  const serviceClient = (env: Record<string, string>, retries = 0): Kafka =>
    createKafkaClient(
      kafkaConnectionOf(
        loadConfig(kafkaConnectionConfig, {
          KAFKA_BROKERS: TEST_KAFKA_SASL_SSL_BROKERS.join(','),
          KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SSL_CA_FILE: TEST_KAFKA_CA_FILE,
          ...env,
        }),
      ),
      uniqueId('security-test'),
      // No retries where a refusal is expected: it must come from the broker, at once.
      { logLevel: logLevel.NOTHING, retry: { retries } },
    );
  const asUser = (user: string, password = localKafkaPassword(user), retries = 0): Kafka =>
    serviceClient({ KAFKA_SASL_USERNAME: user, KAFKA_SASL_PASSWORD: password }, retries);

  const endOffsets = async (topic: string): Promise<string[]> => {
    const admin = plaintext.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).map((p) => `${p.partition}:${p.high}`);
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(() => {
    otherCaDir = mkdtempSync(join(tmpdir(), 'other-ca-'));
    // A CA that never signed the broker's certificate, made the way infra.sh makes the real one.
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=Someone else CA'].concat([
        '-keyout',
        join(otherCaDir, 'ca.key'),
        '-out',
        join(otherCaDir, 'ca.pem'),
      ]),
      { stdio: 'ignore' },
    );
  });

  afterAll(() => rmSync(otherCaDir, { recursive: true, force: true }));

  it('should let inference publish a scored application over TLS with its SCRAM user and review consume it', async () => {
    const key = uniqueId('scored');
    const group = uniqueId('review-security');
    await startGroupAtEnd(plaintext, group, [Topics.applicationScored]);
    const consumer = asUser('review', localKafkaPassword('review'), 3).consumer({
      groupId: group,
      maxWaitTimeInMs: 100,
    });
    const producer = asUser('inference', localKafkaPassword('inference'), 3).producer({
      allowAutoTopicCreation: false,
      idempotent: true,
    });
    const seen: string[] = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [Topics.applicationScored], fromBeginning: false });
      await consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() === key) {
            seen.push(message.value?.toString() ?? '');
          }
          await Promise.resolve();
        },
      });
      await producer.connect();
      await producer.send({ topic: Topics.applicationScored, acks: -1, messages: [{ key, value: 'signed-by-tls' }] });
      await waitFor(() => (seen.length > 0 ? seen : undefined), 30_000, 'the record through SASL_SSL');
      expect(seen).toEqual(['signed-by-tls']);
    } finally {
      await producer.disconnect();
      await consumer.disconnect();
    }
  });

  it('should refuse a SCRAM user with a wrong password', async () => {
    const admin = asUser('inference', 'not-the-password-of-inference').admin();
    await expect(admin.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
    await admin.disconnect();
  });

  it('should refuse review publishing a forged application.scored (no write ACL) and nothing reaches the topic', async () => {
    const before = await endOffsets(Topics.applicationScored);
    const producer = asUser('review').producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await expect(
        producer.send({
          topic: Topics.applicationScored,
          acks: -1,
          messages: [{ key: 'forged', value: '{"forged":true}' }],
        }),
      ).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    } finally {
      await producer.disconnect();
    }
    expect(await endOffsets(Topics.applicationScored)).toEqual(before);
  });

  it('should refuse a broker whose certificate the configured CA did not sign', async () => {
    const admin = serviceClient({
      KAFKA_SASL_USERNAME: 'inference',
      KAFKA_SASL_PASSWORD: localKafkaPassword('inference'),
      KAFKA_SSL_CA_FILE: join(otherCaDir, 'ca.pem'),
    }).admin();
    await expect(admin.connect()).rejects.toThrow(/self[- ]signed certificate|unable to (verify|get local issuer)/i);
    await admin.disconnect();
  });
});
