import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { loadConfig } from '@loanmesh/config';
import { kafkaProvisionConfigShape } from '@loanmesh/kafka';
import { SHUTDOWN_HARD_LIMIT_MS } from '@loanmesh/observability';

import { SERVICE_CONFIG_SHAPES, SERVICE_NAMES, serviceKeyValue } from './service-config-shapes';

interface ComposeService {
  image?: string;
  command?: string[];
  restart?: string;
  build?: { args?: Record<string, string> };
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
}

const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** Variables that hold secrets: in the compose file only as `${NAME:?message}` references. */
const SECRET_NAMES = ['JWT_SECRET', 'PII_HASH_KEY', 'AUDIT_SIGNING_KEY', 'SERVICE_PRIVATE_KEY', 'METRICS_TOKEN'];
const REFERENCE = /^\$\{([A-Z_]+):\?[^}]+\}$/;

/** What the operator's shell supplies for each reference: strong random values here. */
function strongValueFor(name: string): string {
  const service = serviceKeyValue(name.replace(/^(INGESTION|GRAPH|INFERENCE|REVIEW)_/, ''));
  if (service !== undefined) {
    return service;
  }
  return name === 'AUDIT_SIGNING_KEY'
    ? generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    : randomBytes(32).toString('base64url');
}

const asEnv = (env: Record<string, string | number> = {}) =>
  Object.fromEntries(
    Object.entries(env).map(([k, v]) => {
      const reference = REFERENCE.exec(String(v));
      return [k, reference ? strongValueFor(reference[1]) : String(v)];
    }),
  );

describe('docker-compose.yml', () => {
  it('should declare the infrastructure and every service when parsed', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'graph',
      'inference',
      'ingestion',
      'kafka',
      'kafka-provision',
      'neo4j',
      'postgres',
      'review',
    ]);
  });

  it.each(SERVICE_NAMES)(
    'should give %s an environment its config accepts in production once secrets are set',
    (name) => {
      // The image sets NODE_ENV=production (Dockerfile): the compose stack runs in production mode.
      const env = { ...asEnv(compose.services[name].environment), NODE_ENV: 'production' };
      expect(() => loadConfig(SERVICE_CONFIG_SHAPES[name], env)).not.toThrow();
    },
  );

  it('should commit no secret values, only references the operator must set', () => {
    for (const [service, definition] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(definition.environment ?? {})) {
        if (SECRET_NAMES.includes(key)) {
          expect({ service, key, value: String(value) }).toEqual({
            service,
            key,
            value: expect.stringMatching(REFERENCE) as unknown,
          });
        }
      }
    }
    expect(compose.services.review.environment).toHaveProperty('JWT_SECRET');
    expect(compose.services.ingestion.environment).toHaveProperty('PII_HASH_KEY');
    for (const name of SERVICE_NAMES) {
      expect(compose.services[name].environment).toHaveProperty('SERVICE_PRIVATE_KEY');
      expect(compose.services[name].environment).toHaveProperty('METRICS_TOKEN');
    }
  });

  it.each(SERVICE_NAMES)('should build %s with its own APP argument and wait for healthy dependencies', (name) => {
    const service = compose.services[name];
    expect(service.build?.args?.APP).toBe(name);
    const { 'kafka-provision': provision, ...infrastructure } = service.depends_on ?? {};
    expect(Object.values(infrastructure).every((d) => d.condition === 'service_healthy')).toBe(true);
    // Topics exist before a service boots: the one-shot provisioning must have finished.
    expect(provision).toEqual({ condition: 'service_completed_successfully' });
    expect(service.healthcheck?.test.join(' ')).toContain('/health/ready');
  });

  it('should give every infrastructure container a healthcheck and a pinned image', () => {
    for (const name of ['kafka', 'neo4j', 'postgres']) {
      expect(compose.services[name].healthcheck).toBeDefined();
      expect(compose.services[name].image).toMatch(/:[\w.-]+$/);
    }
  });

  it.each(SERVICE_NAMES)('should give %s more stop grace than the shutdown takes at most', (name) => {
    const grace = /^(\d+)s$/.exec(compose.services[name].stop_grace_period ?? '');
    expect(Number(grace?.[1])).toBeGreaterThan(SHUTDOWN_HARD_LIMIT_MS / 1000 + 1);
  });

  it('should provision the topics once with kafka:provision before the services, from the service image', () => {
    const provision = compose.services['kafka-provision'];
    expect(provision.command).toEqual(['node', 'dist/libs/kafka/src/provisioning/cli/kafka-provision.cli.js']);
    expect(provision.restart).toBe('no');
    expect(provision.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
    const config = loadConfig(kafkaProvisionConfigShape, asEnv(provision.environment));
    expect(config).toMatchObject({ KAFKA_BROKERS: ['kafka:9092'], KAFKA_REPLICATION_FACTOR: 1 });
  });
});
