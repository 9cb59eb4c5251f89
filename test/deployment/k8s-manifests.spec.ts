import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseAllDocuments } from 'yaml';

import { loadConfig } from '@loanmesh/config';
import { SHUTDOWN_HARD_LIMIT_MS } from '@loanmesh/observability';

import { SERVICE_CONFIG_SHAPES, SERVICE_NAMES, serviceKeyValue } from './service-config-shapes';

interface K8sDoc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    selector?: { matchLabels?: Record<string, string> };
    template?: {
      metadata: { labels: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds?: number;
        containers: {
          env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
          envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
          readinessProbe?: { httpGet: { path: string } };
          livenessProbe?: { httpGet: { path: string } };
          resources?: { limits?: { memory?: string } };
        }[];
      };
    };
  };
}

const dir = join(__dirname, '..', '..', 'k8s');
const docs: K8sDoc[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) =>
    parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => {
      if (d.errors.length > 0) {
        throw new Error(`${f}: ${d.errors[0].message}`);
      }
      return d.toJS() as K8sDoc;
    }),
  );

/** Variables that hold secrets: never a plain value in a manifest. */
const SECRET_NAMES = [
  'JWT_SECRET',
  'PII_HASH_KEY',
  'AUDIT_SIGNING_KEY',
  'NEO4J_PASSWORD',
  'DATABASE_URL',
  'SERVICE_PRIVATE_KEY',
  'METRICS_TOKEN',
];

function strongValueFor(key: string): string {
  if (key === 'AUDIT_SIGNING_KEY') {
    return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
  const service = serviceKeyValue(key);
  if (service !== undefined) {
    return service;
  }
  if (key === 'DATABASE_URL') {
    return `postgres://review:${randomBytes(16).toString('hex')}@postgres.data.svc:5432/loanmesh`;
  }
  return randomBytes(32).toString('base64url');
}

const byKind = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);

describe('k8s manifests', () => {
  it('should parse into well-formed objects in the loanmesh namespace', () => {
    expect(docs.length).toBeGreaterThan(8);
    for (const d of docs) {
      expect(d.apiVersion).toBeTruthy();
      expect(d.kind).toBeTruthy();
      if (d.kind !== 'Namespace') {
        expect(d.metadata.namespace).toBe('loanmesh');
      }
    }
  });

  it.each(SERVICE_NAMES)(
    'should give the %s deployment an environment its config accepts in production once its secrets exist',
    (name) => {
      const deployment = byKind('Deployment', name);
      expect(deployment).toBeDefined();
      const container = deployment!.spec!.template!.spec.containers[0];
      const env: Record<string, string> = { NODE_ENV: 'production' };
      for (const from of container.envFrom ?? []) {
        expect(from.secretRef).toBeUndefined();
        const ref = byKind('ConfigMap', from.configMapRef!.name);
        expect(ref).toBeDefined();
        Object.assign(env, ref!.data ?? {});
      }
      for (const e of container.env ?? []) {
        const fromSecret = e.valueFrom?.secretKeyRef;
        // The operator creates the Secret (docs/operations.md): stand in strong random values.
        env[e.name] = fromSecret ? strongValueFor(fromSecret.key) : e.value!;
      }
      expect(() => loadConfig(SERVICE_CONFIG_SHAPES[name], env)).not.toThrow();
    },
  );

  it.each(SERVICE_NAMES)('should read %s secrets only from its own Secret, by key', (name) => {
    const container = byKind('Deployment', name)!.spec!.template!.spec.containers[0];
    const refs = (container.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : []));
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs.map((r) => r.name))).toEqual(new Set([`${name}-secrets`]));
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
    expect(container.readinessProbe?.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe?.httpGet.path).toBe('/health/live');
    expect(container.resources?.limits?.memory).toBeDefined();
    expect(deployment.spec!.template!.metadata.labels).toMatchObject(deployment.spec!.selector!.matchLabels!);
    expect(byKind('Service', name)).toBeDefined();
  });

  it.each(SERVICE_NAMES)('should give %s more termination grace than the shutdown takes at most', (name) => {
    const grace = byKind('Deployment', name)?.spec?.template?.spec.terminationGracePeriodSeconds;
    expect(grace).toBeGreaterThan(SHUTDOWN_HARD_LIMIT_MS / 1000 + 1);
  });
});
