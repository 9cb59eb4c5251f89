import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { schemaErrors } from './k8s-schemas';
import { policyViolations } from './k8s-policy';
import {
  type Json,
  type K8sObject,
  OVERLAYS,
  renderKustomization,
  renderOverlay,
  strategicMerge,
} from './kustomize-render';

/** A fresh copy of the production render to break one thing in. */
const production = (): K8sObject[] => structuredClone(renderOverlay('production'));

type Mutable = Record<string, unknown>;
const field = (o: unknown, ...path: (string | number)[]): Mutable =>
  path.reduce<Mutable>((at, key) => at[key as string] as Mutable, o as Mutable);
const find = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (found === undefined) {
    throw new Error(`${kind} ${name} is not rendered`);
  }
  return found;
};
const container = (objects: K8sObject[], kind: string, name: string) =>
  field(find(objects, kind, name), 'spec', 'template', 'spec', 'containers', 0);
const env = (c: Mutable) => c.env as { name: string; value?: string; valueFrom?: unknown }[];

describe.each(OVERLAYS)('k8s overlay %s, rendered offline', (overlay) => {
  it('should match the Kubernetes and CRD schemas, object by object', () => {
    expect(schemaErrors(renderOverlay(overlay))).toEqual([]);
  });

  it('should pass every policy check', () => {
    expect(policyViolations(renderOverlay(overlay))).toEqual([]);
  });
});

describe('k8s schema checks', () => {
  it('should reject a Deployment whose fields have the wrong type or are missing', () => {
    const deployment = find(production(), 'Deployment', 'review');
    field(deployment, 'spec').replicas = 'two';
    delete field(deployment, 'spec').selector;
    expect(schemaErrors([deployment])).toEqual([
      expect.stringMatching(/^apps\/v1\/Deployment review: .*selector.*replicas must be integer/),
    ]);
  });

  it.each([
    ['ScaledObject', 'inference', 'scaleTargetRef'],
    ['KafkaTopic', 'audit.checkpoints.v1', 'partitions'],
    ['ExternalSecret', 'review-secrets', 'secretStoreRef'],
  ])('should reject a %s that breaks its CRD schema', (kind, name, key) => {
    const object = find(production(), kind, name);
    field(object, 'spec')[key] = 'not-an-object-or-number';
    expect(schemaErrors([object])).toEqual([expect.stringContaining(`${kind} ${name}: `)]);
  });

  it('should reject a kind it has no schema for', () => {
    const object: K8sObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(schemaErrors([object])).toEqual(['example.com/v1/Widget w: no schema for this apiVersion and kind']);
  });
});

/** One deliberate break per policy: each must be named, or the check could not fail. */
const BREAKS: [string, (objects: K8sObject[]) => K8sObject[], RegExp][] = [
  [
    'no startup probe',
    (o) => {
      delete container(o, 'Deployment', 'graph').startupProbe;
      return o;
    },
    /Deployment graph container graph: needs a startupProbe/,
  ],
  [
    'readiness on the liveness path',
    (o) => {
      field(container(o, 'Deployment', 'review'), 'readinessProbe', 'httpGet').path = '/health/live';
      return o;
    },
    /Deployment review container review: needs a readinessProbe on \/health\/ready/,
  ],
  [
    'no limits',
    (o) => {
      delete field(container(o, 'Deployment', 'inference'), 'resources').limits;
      return o;
    },
    /Deployment inference container inference: needs cpu and memory limits/,
  ],
  [
    'a heap as large as the memory limit',
    (o) => {
      env(container(o, 'Deployment', 'graph')).find((e) => e.name === 'NODE_OPTIONS')!.value =
        '--max-old-space-size=1536';
      return o;
    },
    /Deployment graph container graph: NODE_OPTIONS --max-old-space-size/,
  ],
  [
    'a writable root filesystem',
    (o) => {
      field(container(o, 'Deployment', 'ingestion'), 'securityContext').readOnlyRootFilesystem = false;
      return o;
    },
    /Deployment ingestion container ingestion: readOnlyRootFilesystem must be true/,
  ],
  [
    'privilege escalation',
    (o) => {
      field(container(o, 'Job', 'migrate-review'), 'securityContext').allowPrivilegeEscalation = true;
      return o;
    },
    /Job migrate-review container migrate: allowPrivilegeEscalation must be false/,
  ],
  [
    'a capability added back',
    (o) => {
      field(container(o, 'Deployment', 'review'), 'securityContext', 'capabilities').add = ['NET_ADMIN'];
      return o;
    },
    /Deployment review container review: must drop ALL capabilities/,
  ],
  [
    'root',
    (o) => {
      field(find(o, 'Deployment', 'inference'), 'spec', 'template', 'spec', 'securityContext').runAsUser = 0;
      return o;
    },
    /Deployment inference: pod must run as non-root user 1000/,
  ],
  [
    'no seccomp profile',
    (o) => {
      delete field(find(o, 'Deployment', 'graph'), 'spec', 'template', 'spec', 'securityContext').seccompProfile;
      return o;
    },
    /Deployment graph: pod needs seccompProfile RuntimeDefault/,
  ],
  [
    "another service's Secret",
    (o) => {
      const jwt = env(container(o, 'Deployment', 'review')).find((e) => e.name === 'JWT_SECRET')!;
      jwt.valueFrom = { secretKeyRef: { name: 'graph-secrets', key: 'JWT_SECRET' } };
      return o;
    },
    /Deployment review container review: JWT_SECRET comes from graph-secrets, not its own Secret review-secrets/,
  ],
  [
    'a literal secret value',
    (o) => {
      env(container(o, 'Deployment', 'ingestion')).push({ name: 'PII_HASH_KEY', value: 'x'.repeat(40) });
      return o;
    },
    /Deployment ingestion container ingestion: PII_HASH_KEY has a literal value/,
  ],
  [
    'a key no ExternalSecret provides',
    (o) => {
      const data = field(find(o, 'ExternalSecret', 'graph-secrets'), 'spec').data as { secretKey: string }[];
      data.splice(
        data.findIndex((d) => d.secretKey === 'NEO4J_PASSWORD'),
        1,
      );
      return o;
    },
    /Deployment graph container graph: no ExternalSecret provides graph-secrets\/NEO4J_PASSWORD/,
  ],
  [
    'a committed Secret',
    (o) => [...o, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'review-secrets', namespace: 'loanmesh' } }],
    /a Secret object is committed/,
  ],
  [
    'no PodDisruptionBudget',
    (o) => o.filter((x) => !(x.kind === 'PodDisruptionBudget' && x.metadata.name === 'graph')),
    /Deployment graph: no PodDisruptionBudget selects its pods/,
  ],
  [
    'no default deny',
    (o) => o.filter((x) => x.metadata.name !== 'default-deny'),
    /namespace loanmesh: no default-deny NetworkPolicy/,
  ],
  [
    'no Kafka egress',
    (o) => o.filter((x) => x.metadata.name !== 'allow-kafka-egress'),
    /Deployment ingestion: no NetworkPolicy allows its Kafka egress/,
  ],
  [
    'a PostgreSQL client without the label its egress policy selects',
    (o) => {
      const labels = field(find(o, 'Job', 'migrate-review'), 'spec', 'template', 'metadata', 'labels');
      delete labels['loanmesh.io/postgres-client'];
      return o;
    },
    /Job migrate-review: no NetworkPolicy allows its PostgreSQL egress/,
  ],
  [
    'no Neo4j egress',
    (o) => o.filter((x) => x.metadata.name !== 'allow-neo4j-egress'),
    /Deployment graph: no NetworkPolicy allows its Neo4j egress/,
  ],
  [
    'an Ingress to a service the ingress controller may not reach',
    (o) => {
      const paths = field(find(o, 'Ingress', 'review'), 'spec', 'rules', 0, 'http', 'paths', 0);
      field(paths, 'backend', 'service').name = 'graph';
      return o;
    },
    /Ingress review: Service graph must exist and admit the ingress controller/,
  ],
  [
    'two replicas of a topic',
    (o) => {
      field(find(o, 'KafkaTopic', 'inference.application-scored.v1'), 'spec').replicas = 2;
      return o;
    },
    /KafkaTopic inference.application-scored.v1: needs replicas >= 3 and min.insync.replicas >= 2/,
  ],
  [
    'min.insync.replicas 1',
    (o) => {
      field(find(o, 'KafkaTopic', 'review.decision-made.v1'), 'spec', 'config')['min.insync.replicas'] = '1';
      return o;
    },
    /KafkaTopic review.decision-made.v1: needs replicas >= 3/,
  ],
  [
    'a ScaledObject for a missing Deployment',
    (o) => {
      field(find(o, 'ScaledObject', 'review'), 'spec', 'scaleTargetRef').name = 'reviews';
      return o;
    },
    /ScaledObject review: its target Deployment reviews does not exist/,
  ],
  [
    'more replicas than partitions',
    (o) => {
      field(find(o, 'ScaledObject', 'inference'), 'spec').maxReplicaCount = 40;
      return o;
    },
    /ScaledObject inference: maxReplicaCount must not exceed the partitions/,
  ],
  [
    'replicas on an autoscaled Deployment',
    (o) => {
      field(find(o, 'Deployment', 'ingestion'), 'spec').replicas = 3;
      return o;
    },
    /ScaledObject ingestion: its Deployment sets replicas/,
  ],
];

describe('k8s policy checks', () => {
  it.each(BREAKS)('should reject the production overlay with %s', (_, breakIt, message) => {
    expect(policyViolations(breakIt(production()))).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]) as unknown,
    );
  });
});

describe('kustomize renderer (the subset the overlays use)', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'kustomize-'));

  it('should merge maps and name-keyed lists and replace other lists', () => {
    const base: Json = {
      spec: { replicas: 1, ports: [80], containers: [{ name: 'a', image: 'x:1', env: [{ name: 'K' }] }] },
    };
    const patch: Json = {
      spec: { ports: [443], containers: [{ name: 'a', env: [{ name: 'L', value: 'v' }] }, { name: 'b' }] },
    };
    expect(strategicMerge(base, patch)).toEqual({
      spec: {
        replicas: 1,
        ports: [443],
        containers: [{ name: 'a', image: 'x:1', env: [{ name: 'K' }, { name: 'L', value: 'v' }] }, { name: 'b' }],
      },
    });
  });

  it('should apply resources, patches, the namespace and images in order', () => {
    const root = dir();
    writeFileSync(
      join(root, 'app.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: app }\nspec:\n  template:\n    spec:\n      containers: [{ name: app, image: "loanmesh/service:0.1.0" }]\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: ns }\n',
    );
    writeFileSync(
      join(root, 'patch.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: app }\nspec: { replicas: 3 }\n',
    );
    writeFileSync(
      join(root, 'kustomization.yaml'),
      'namespace: ns\nresources: [app.yaml]\npatches: [{ path: patch.yaml }]\nimages: [{ name: loanmesh/service, newName: reg/svc, newTag: "2" }]\n',
    );
    const [app, ns] = renderKustomization(root);
    expect(app).toMatchObject({
      metadata: { name: 'app', namespace: 'ns' },
      spec: { replicas: 3, template: { spec: { containers: [{ image: 'reg/svc:2' }] } } },
    });
    expect(ns.metadata.namespace).toBeUndefined();
  });

  it('should refuse a kustomization field it does not implement, and a patch that matches nothing', () => {
    const root = dir();
    writeFileSync(join(root, 'kustomization.yaml'), 'resources: []\ncommonLabels: { a: b }\n');
    expect(() => renderKustomization(root)).toThrow('fields this renderer does not implement: commonLabels');
    writeFileSync(join(root, 'patch.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: none }\n');
    writeFileSync(join(root, 'kustomization.yaml'), 'resources: []\npatches: [{ path: patch.yaml }]\n');
    expect(() => renderKustomization(root)).toThrow('matches 0 objects, not one');
  });
});
