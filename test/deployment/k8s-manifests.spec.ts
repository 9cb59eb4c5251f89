import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseAllDocuments } from 'yaml';

import { loadConfig } from '@loanmesh/config';
import { SHUTDOWN_HARD_LIMIT_MS } from '@loanmesh/observability';

import { SERVICE_CONFIG_SHAPES, SERVICE_NAMES } from './service-config-shapes';

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
          env?: { name: string; value: string }[];
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

  it.each(SERVICE_NAMES)('should give the %s deployment an environment its config validation accepts', (name) => {
    const deployment = byKind('Deployment', name);
    expect(deployment).toBeDefined();
    const container = deployment!.spec!.template!.spec.containers[0];
    const env: Record<string, string> = {};
    for (const from of container.envFrom ?? []) {
      const ref = from.configMapRef
        ? byKind('ConfigMap', from.configMapRef.name)
        : byKind('Secret', from.secretRef!.name);
      expect(ref).toBeDefined();
      Object.assign(env, ref!.data ?? {}, ref!.stringData ?? {});
    }
    for (const e of container.env ?? []) {
      env[e.name] = e.value;
    }
    expect(() => loadConfig(SERVICE_CONFIG_SHAPES[name], env)).not.toThrow();
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
