import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { databaseConfig, loadConfig, neo4jConfig } from '@loanmesh/config';
import { kafkaProvisionConfigShape } from '@loanmesh/kafka';
import { SHUTDOWN_HARD_LIMIT_MS } from '@loanmesh/observability';

import { SECRET_NAMES } from './k8s-policy';
import { OVERLAYS, type OverlayName, renderOverlay } from './kustomize-render';
import { SERVICE_CONFIG_SHAPES, SERVICE_NAMES, serviceKeyValue } from './service-config-shapes';

interface K8sContainer {
  command?: string[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string }[];
  startupProbe?: { httpGet: { path: string } };
  readinessProbe?: { httpGet: { path: string } };
  livenessProbe?: { httpGet: { path: string } };
  resources?: { limits?: { memory?: string } };
}

interface K8sDoc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
    template?: {
      metadata: { labels: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds?: number;
        containers: K8sContainer[];
        volumes?: { name: string; configMap?: { name: string }; secret?: { secretName: string } }[];
      };
    };
  };
}

const ROOT = join(__dirname, '..', '..');
/** Each overlay as `kubectl apply -k k8s/overlays/<name>` would send it (kustomize-render.ts). */
const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, renderOverlay(o) as unknown as K8sDoc[]])) as Record<
  OverlayName,
  K8sDoc[]
>;

/** A PEM file standing in for what a mounted ConfigMap or Secret holds at run time. */
const standInPem = join(mkdtempSync(join(tmpdir(), 'k8s-pem-')), 'stand-in.pem');
writeFileSync(standInPem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');

function strongValueFor(key: string): string {
  if (key === 'AUDIT_SIGNING_KEY') {
    return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
  const service = serviceKeyValue(key);
  if (service !== undefined) {
    return service;
  }
  if (key === 'DATABASE_URL' || key === 'DATABASE_MIGRATION_URL') {
    return `postgres://review:${randomBytes(16).toString('hex')}@postgres.data.svc:5432/loanmesh`;
  }
  return randomBytes(32).toString('base64url');
}

let docs: K8sDoc[] = rendered.production;
const byKind = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);

/**
 * The production environment a pod of this template gets once the operator has created its
 * Secrets (strong random stand-ins) and ConfigMaps; a `*_FILE` path must lie in a mounted
 * volume and is replaced by a stand-in file.
 */
function productionEnvOf(template: NonNullable<NonNullable<K8sDoc['spec']>['template']>): Record<string, string> {
  const container = template.spec.containers[0];
  const env: Record<string, string> = { NODE_ENV: 'production' };
  for (const from of container.envFrom ?? []) {
    expect(from.secretRef).toBeUndefined();
    const ref = byKind('ConfigMap', from.configMapRef!.name);
    expect(ref).toBeDefined();
    Object.assign(env, ref!.data ?? {});
  }
  for (const e of container.env ?? []) {
    const fromSecret = e.valueFrom?.secretKeyRef;
    const fromConfig = e.valueFrom?.configMapKeyRef;
    // The operator creates the Secret (docs/operations.md): stand in strong random values.
    env[e.name] = fromSecret
      ? strongValueFor(fromSecret.key)
      : fromConfig
        ? byKind('ConfigMap', fromConfig.name)!.data![fromConfig.key]
        : e.value!;
  }
  for (const [name, path] of Object.entries(env).filter(([n]) => n.endsWith('_FILE'))) {
    const mount = (container.volumeMounts ?? []).find((m) => path.startsWith(`${m.mountPath}/`));
    const volume = template.spec.volumes?.find((v) => v.name === mount?.name);
    expect({ name, mounted: volume?.configMap !== undefined || volume?.secret !== undefined }).toEqual({
      name,
      mounted: true,
    });
    env[name] = standInPem;
  }
  return env;
}

const MIGRATED_SERVICES = ['ingestion', 'inference', 'review'] as const;

describe.each(OVERLAYS)('k8s manifests (overlay %s)', (overlay) => {
  beforeAll(() => {
    docs = rendered[overlay];
  });

  it('should render into well-formed objects, the workloads in the loanmesh namespace', () => {
    expect(docs.length).toBeGreaterThan(20);
    for (const d of docs) {
      expect(d.apiVersion).toBeTruthy();
      expect(d.kind).toBeTruthy();
      if (d.kind !== 'Namespace') {
        // Strimzi's topics and users live where its operators watch: the Kafka cluster's namespace.
        expect(d.metadata.namespace).toBe(['KafkaTopic', 'KafkaUser'].includes(d.kind) ? 'data' : 'loanmesh');
      }
    }
  });

  it.each(SERVICE_NAMES)(
    'should give the %s deployment an environment its config accepts in production once its secrets exist',
    (name) => {
      const deployment = byKind('Deployment', name);
      expect(deployment).toBeDefined();
      const env = productionEnvOf(deployment!.spec!.template!);
      expect(() => loadConfig(SERVICE_CONFIG_SHAPES[name], env)).not.toThrow();
      // SASL_SSL as the service's own SCRAM user, whose ACLs KafkaUser or kafka-provision make.
      expect(env).toMatchObject({ KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_USERNAME: name });
    },
  );

  it.each(SERVICE_NAMES)('should read %s secrets only from its own Secret, by key', (name) => {
    const container = byKind('Deployment', name)!.spec!.template!.spec.containers[0];
    const refs = (container.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : []));
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs.map((r) => r.name))).toEqual(new Set([`${name}-secrets`]));
    // The owner role is the migration Job's alone.
    expect(refs.map((r) => r.key)).not.toContain('DATABASE_MIGRATION_URL');
    for (const e of container.env ?? []) {
      expect({ name: e.name, plain: SECRET_NAMES.includes(e.name) && e.value !== undefined }).toEqual({
        name: e.name,
        plain: false,
      });
    }
  });

  it('should commit no Secret values', () => {
    expect(docs.filter((d) => d.kind === 'Secret')).toEqual([]);
    for (const d of docs) {
      for (const [key, value] of Object.entries({ ...d.data, ...d.stringData })) {
        expect({ key, secret: SECRET_NAMES.includes(key) || /postgres(ql)?:\/\/[^@/]*:[^@/]*@/.test(value) }).toEqual({
          key,
          secret: false,
        });
      }
    }
  });

  it.each(SERVICE_NAMES)('should probe %s health, cap memory and select its own pods', (name) => {
    const deployment = byKind('Deployment', name)!;
    const container = deployment.spec!.template!.spec.containers[0];
    expect(container.startupProbe?.httpGet.path).toBe('/health/live');
    expect(container.readinessProbe?.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe?.httpGet.path).toBe('/health/live');
    expect(container.resources?.limits?.memory).toBeDefined();
    expect(deployment.spec!.template!.metadata.labels).toMatchObject(deployment.spec!.selector!.matchLabels!);
    expect(byKind('Service', name)).toBeDefined();
    expect(byKind('PodDisruptionBudget', name)).toBeDefined();
  });

  it.each(SERVICE_NAMES)('should give %s more termination grace than the shutdown takes at most', (name) => {
    const grace = byKind('Deployment', name)?.spec?.template?.spec.terminationGracePeriodSeconds;
    expect(grace).toBeGreaterThan(SHUTDOWN_HARD_LIMIT_MS / 1000 + 1);
  });

  it.each(MIGRATED_SERVICES)(
    'should migrate %s in a Job as the owner role from the compiled entry, and boot the service without migrating',
    (name) => {
      const job = byKind('Job', `migrate-${name}`);
      expect(job).toBeDefined();
      const container = job!.spec!.template!.spec.containers[0];
      expect(container.command).toEqual(['node', `dist/apps/${name}/src/database/migrate.main.js`]);
      expect(existsSync(join(ROOT, `apps/${name}/src/database/migrate.main.ts`))).toBe(true);
      const refs = (container.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : []));
      expect(refs).toEqual([
        expect.objectContaining({ name: `${name}-secrets`, key: 'DATABASE_URL' }),
        expect.objectContaining({ name: `${name}-secrets`, key: 'DATABASE_MIGRATION_URL' }),
      ]);
      const config = loadConfig(databaseConfig, productionEnvOf(job!.spec!.template!));
      expect(config.DATABASE_MIGRATION_URL).toMatch(/^postgres:\/\//);
      const env = productionEnvOf(byKind('Deployment', name)!.spec!.template!);
      expect(loadConfig(databaseConfig, env).DATABASE_MIGRATIONS_AT_BOOT).toBe(false);
    },
  );

  it("should apply graph's Neo4j schema in a Job from the compiled CLI, and start graph without migrating", () => {
    const job = byKind('Job', 'migrate-graph');
    expect(job).toBeDefined();
    const container = job!.spec!.template!.spec.containers[0];
    expect(container.command).toEqual(['node', 'dist/libs/neo4j/src/cli/graph-migrate.cli.js']);
    expect(existsSync(join(ROOT, 'libs/neo4j/src/cli/graph-migrate.cli.ts'))).toBe(true);
    const env = productionEnvOf(job!.spec!.template!);
    expect(loadConfig(neo4jConfig, env)).toMatchObject({ NEO4J_URL: expect.stringMatching(/^neo4j:\/\//) as unknown });
    expect(env.NEO4J_PASSWORD).toBeTruthy();
    const graph = loadConfig(
      SERVICE_CONFIG_SHAPES.graph,
      productionEnvOf(byKind('Deployment', 'graph')!.spec!.template!),
    );
    expect(graph.GRAPH_MIGRATE_ON_START).toBe(false);
  });

  it('should never let a manifest allow PLAINTEXT Kafka in production', () => {
    const names = docs.flatMap((d) => [
      ...Object.keys(d.data ?? {}),
      ...(d.spec?.template?.spec.containers ?? []).flatMap((c) => (c.env ?? []).map((e) => e.name)),
    ]);
    expect(names).not.toContain('KAFKA_ALLOW_PLAINTEXT_IN_PRODUCTION');
    expect(byKind('ConfigMap', 'loanmesh-config')?.data?.KAFKA_SECURITY_PROTOCOL).toBe('SASL_SSL');
  });
});

describe('k8s overlays', () => {
  it('should run kafka:provision locally as a Job with ACLs, SASL_SSL and only its own Secret', () => {
    docs = rendered.local;
    const job = byKind('Job', 'kafka-provision');
    expect(job).toBeDefined();
    const container = job!.spec!.template!.spec.containers[0];
    // The compiled path of libs/kafka/src/provisioning/cli/kafka-provision.cli.ts (scripts/build.sh).
    expect(container.command).toEqual(['node', 'dist/libs/kafka/src/provisioning/cli/kafka-provision.cli.js']);
    expect(readFileSync(join(ROOT, 'libs/kafka/src/provisioning/cli/kafka-provision.cli.ts'), 'utf8')).toContain(
      'runKafkaProvision',
    );
    // One local broker: one replica, which the tool accepts only outside production.
    const env = productionEnvOf(job!.spec!.template!);
    expect(env.NODE_ENV).toBe('development');
    expect(loadConfig(kafkaProvisionConfigShape, env)).toMatchObject({
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_REPLICATION_FACTOR: 1,
      KAFKA_PROVISION_ACLS: true,
    });
    expect(() => loadConfig(kafkaProvisionConfigShape, { ...env, NODE_ENV: 'production' })).toThrow();
    const refs = (container.env ?? []).flatMap((e) =>
      e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef.name] : [],
    );
    expect(new Set(refs)).toEqual(new Set(['kafka-provision-secrets']));
  });

  it('should make topics and users with Strimzi in production instead of the Job, and neither Strimzi nor KEDA locally', () => {
    const kinds = (overlay: OverlayName) => new Set(rendered[overlay].map((d) => d.kind));
    expect(rendered.production.some((d) => d.kind === 'Job' && d.metadata.name === 'kafka-provision')).toBe(false);
    for (const kind of ['KafkaTopic', 'KafkaUser', 'ScaledObject', 'TriggerAuthentication']) {
      expect({ kind, production: kinds('production').has(kind), local: kinds('local').has(kind) }).toEqual({
        kind,
        production: true,
        local: false,
      });
    }
  });

  it('should run one replica of everything locally and two graph replicas in production', () => {
    const replicas = (overlay: OverlayName, name: string) =>
      rendered[overlay].find((d) => d.kind === 'Deployment' && d.metadata.name === name)?.spec?.replicas ?? 1;
    for (const name of SERVICE_NAMES) {
      expect({ name, replicas: replicas('local', name) }).toEqual({ name, replicas: 1 });
    }
    expect(replicas('production', 'graph')).toBe(2);
  });
});
