import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { kafkaConnectionConfig, kafkaConnectionOf } from './kafka-connection.config';
import { ConfigValidationError, loadConfig } from './load-config';

const STRONG = 'q8V2r7tXk1mZ9pLs4dFh6jWc3nBv5yGe0aQu';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('kafkaConnectionConfig', () => {
  let dir: string;
  let ca: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-config-'));
    ca = join(dir, 'ca.pem');
    writeFileSync(ca, PEM);
    writeFileSync(join(dir, 'not-pem.txt'), 'hello');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = (env: Record<string, string>): string[] => {
    try {
      loadConfig(kafkaConnectionConfig, { KAFKA_BROKERS: 'kafka-1:9093', ...env });
    } catch (e) {
      if (e instanceof ConfigValidationError) {
        return e.problems;
      }
      throw e;
    }
    return [];
  };

  const productionSaslSsl = {
    NODE_ENV: 'production',
    KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
    KAFKA_SASL_USERNAME: 'inference',
    KAFKA_SASL_PASSWORD: STRONG,
  };

  it('should default to PLAINTEXT locally with no TLS or SASL settings', () => {
    const config = loadConfig(kafkaConnectionConfig, { KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(kafkaConnectionOf(config)).toEqual({ brokers: ['127.0.0.1:9092'] });
  });

  it('should refuse PLAINTEXT in production, named, whether set or defaulted', () => {
    const set = refusal({ NODE_ENV: 'production', KAFKA_SECURITY_PROTOCOL: 'PLAINTEXT' });
    expect(set).toEqual([expect.stringMatching(/^KAFKA_SECURITY_PROTOCOL=PLAINTEXT is refused in production/)]);
    expect(refusal({ LOANMESH_ENV: 'production' })).toEqual(set);
  });

  it('should accept PLAINTEXT in production only when a private single-host stack says so explicitly', () => {
    expect(refusal({ NODE_ENV: 'production', KAFKA_ALLOW_PLAINTEXT_IN_PRODUCTION: 'true' })).toEqual([]);
    expect(refusal({ NODE_ENV: 'production', KAFKA_ALLOW_PLAINTEXT_IN_PRODUCTION: 'false' })).toHaveLength(1);
  });

  it('should refuse SASL_PLAINTEXT and an unverified broker certificate in production', () => {
    expect(refusal({ ...productionSaslSsl, KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT' }).join('\n')).toMatch(
      /KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT is refused in production/,
    );
    expect(refusal({ ...productionSaslSsl, KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' })).toEqual([
      'KAFKA_SSL_REJECT_UNAUTHORIZED=false is refused in production: the broker certificate must be verified',
    ]);
  });

  it('should name each missing SASL field when the protocol uses SASL', () => {
    expect(refusal({ KAFKA_SECURITY_PROTOCOL: 'SASL_SSL' })).toEqual([
      'KAFKA_SASL_USERNAME is missing (KAFKA_SECURITY_PROTOCOL=SASL_SSL needs it)',
      'KAFKA_SASL_PASSWORD is missing (KAFKA_SECURITY_PROTOCOL=SASL_SSL needs it)',
    ]);
    expect(refusal({ ...productionSaslSsl, KAFKA_SASL_USERNAME: '' }).join('\n')).toMatch(/KAFKA_SASL_USERNAME/);
  });

  it('should refuse the public local SCRAM password in production without printing it', () => {
    const problems = refusal({ ...productionSaslSsl, KAFKA_SASL_PASSWORD: 'local-dev-kafka-inference' });
    expect(problems).toEqual(['KAFKA_SASL_PASSWORD looks like a placeholder (refused in production)']);
    expect(problems.join()).not.toContain('local-dev-kafka-inference');
  });

  it('should not judge a SASL password when the protocol is SSL (client certificates instead)', () => {
    expect(refusal({ NODE_ENV: 'production', KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_CA_FILE: ca })).toEqual([]);
  });

  it('should refuse SASL or TLS settings that the protocol would silently ignore', () => {
    expect(refusal({ KAFKA_SASL_USERNAME: 'inference', KAFKA_SASL_PASSWORD: STRONG })).toEqual([
      'KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD are set but KAFKA_SECURITY_PROTOCOL=PLAINTEXT does not use SASL',
    ]);
    expect(refusal({ KAFKA_SSL_CA_FILE: ca })).toEqual([
      'KAFKA_SSL_CA_FILE set but KAFKA_SECURITY_PROTOCOL=PLAINTEXT does not use TLS',
    ]);
  });

  it('should read the PEM files at boot and name an unreadable or non-PEM file', () => {
    expect(refusal({ ...productionSaslSsl, KAFKA_SSL_CA_FILE: join(dir, 'missing.pem') })).toEqual([
      `KAFKA_SSL_CA_FILE: cannot read ${join(dir, 'missing.pem')} (ENOENT)`,
    ]);
    expect(refusal({ ...productionSaslSsl, KAFKA_SSL_CA_FILE: join(dir, 'not-pem.txt') })).toEqual([
      `KAFKA_SSL_CA_FILE: ${join(dir, 'not-pem.txt')} holds no PEM block`,
    ]);
    expect(refusal({ ...productionSaslSsl, KAFKA_SSL_CERT_FILE: ca })).toEqual([
      'KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together (a client certificate needs its key)',
    ]);
  });

  it('should give KafkaJS TLS with the CA and SCRAM credentials for SASL_SSL', () => {
    const config = loadConfig(kafkaConnectionConfig, {
      ...productionSaslSsl,
      KAFKA_BROKERS: 'kafka-1:9093, kafka-2:9093',
      KAFKA_SSL_CA_FILE: ca,
    });
    expect(kafkaConnectionOf(config)).toEqual({
      brokers: ['kafka-1:9093', 'kafka-2:9093'],
      ssl: { ca: [PEM], cert: undefined, key: undefined, rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: 'inference', password: STRONG },
    });
  });
});
