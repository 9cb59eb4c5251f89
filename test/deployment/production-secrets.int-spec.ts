import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LOCAL_ENV } from '@loanmesh/config';
import {
  localKafkaPassword,
  startServiceProcess,
  TEST_INFRA_ENV,
  TEST_KAFKA_CA_FILE,
  TEST_KAFKA_SASL_SSL_BROKERS,
  waitUntilReady,
} from '@loanmesh/testing';

jest.setTimeout(120000);

const LOGS = join(__dirname, '..', '..', 'test-results', 'services');

/** Starts a service as `npm run start:<name>` would, in production mode; resolves to its exit code and log. */
async function bootInProduction(
  name: string,
  port: number,
  env: Record<string, string>,
): Promise<{ started: boolean; code: number | null; log: string }> {
  const logFile = join(LOGS, `${name}-production-secrets-${Date.now()}.log`);
  const service = startServiceProcess(
    name,
    port,
    { ...TEST_INFRA_ENV, KAFKA_CLIENT_ID: name, KAFKA_GROUP_ID: `prod-secrets-${name}`, ...env },
    256,
    logFile,
  );
  // Ready means it accepted the secrets (the test fails at once); an exit rejects the wait.
  const started = await waitUntilReady(service, 60000).then(
    () => true,
    () => false,
  );
  await service.stop();
  return { started, code: service.child.exitCode, log: readFileSync(logFile, 'utf8') };
}

describe('production refuses unsafe secrets at boot (real service processes)', () => {
  it('should refuse to start review with the default JWT secret and no audit signing key, naming both', async () => {
    const { started, code, log } = await bootInProduction('review', 4191, {
      NODE_ENV: 'production',
      DATABASE_URL: LOCAL_ENV.DATABASE_URL,
    });

    expect(started).toBe(false);
    expect(code).toBe(1);
    expect(log).toContain('review: cannot start');
    expect(log).toContain('JWT_SECRET is missing (refused in production)');
    expect(log).toContain('AUDIT_SIGNING_KEY is missing (refused in production)');
    // The test broker's PLAINTEXT listener: anyone reaching it could forge application.scored.
    expect(log).toContain('KAFKA_SECURITY_PROTOCOL=PLAINTEXT is refused in production');
    expect(log).toContain('SERVICE_PRIVATE_KEY is missing (refused in production)');
    expect(log).toContain('METRICS_TOKEN is missing (refused in production)');
  });

  it('should refuse to start ingestion with the committed PII hash key, naming it and not printing it', async () => {
    const { started, code, log } = await bootInProduction('ingestion', 4192, {
      LOANMESH_ENV: 'production',
      DATABASE_URL: LOCAL_ENV.DATABASE_URL,
      PII_HASH_KEY: LOCAL_ENV.PII_HASH_KEY,
    });

    expect(started).toBe(false);
    expect(code).toBe(1);
    expect(log).toContain('PII_HASH_KEY is a committed default value (refused in production)');
    expect(log).not.toContain(LOCAL_ENV.PII_HASH_KEY);
  });

  it('should refuse to start inference with SASL_SSL but its public local SCRAM password, naming it', async () => {
    const { started, code, log } = await bootInProduction('inference', 4193, {
      NODE_ENV: 'production',
      DATABASE_URL: LOCAL_ENV.DATABASE_URL,
      KAFKA_BROKERS: TEST_KAFKA_SASL_SSL_BROKERS.join(','),
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SSL_CA_FILE: TEST_KAFKA_CA_FILE,
      KAFKA_SASL_USERNAME: 'inference',
      KAFKA_SASL_PASSWORD: localKafkaPassword('inference'),
    });

    expect(started).toBe(false);
    expect(code).toBe(1);
    expect(log).toContain('KAFKA_SASL_PASSWORD looks like a placeholder (refused in production)');
    expect(log).not.toContain('KAFKA_SECURITY_PROTOCOL');
    expect(log).not.toContain(localKafkaPassword('inference'));
  });
});
