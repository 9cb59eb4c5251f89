import type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';

import type { K8sObject } from './kustomize-render';

/** Variables that hold secrets: only ever from a Secret, never a value in a manifest. */
export const SECRET_NAMES = [
  'JWT_SECRET',
  'PII_HASH_KEY',
  'AUDIT_SIGNING_KEY',
  'NEO4J_PASSWORD',
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'KAFKA_SASL_PASSWORD',
  'SERVICE_PRIVATE_KEY',
  'METRICS_TOKEN',
  'OIDC_CLIENT_SECRET',
];

/** The uid of the image's `node` user (Dockerfile: USER node). */
const NODE_UID = 1000;
const KAFKA_PORT = 9092;
const DNS_PORT = 53;
const POSTGRES_PORT = 5432;
const NEO4J_PORT = 7687;

interface KafkaTopicSpec {
  partitions?: number;
  replicas?: number;
  topicName?: string;
  config?: Record<string, string | number>;
}

type Labels = Record<string, string>;

const of = <T>(objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind) as unknown as T[];

/** Whether a label selector (matchLabels and In expressions, what these manifests use) selects the labels. */
function selects(
  selector: { matchLabels?: Labels; matchExpressions?: { key: string; operator: string; values?: string[] }[] },
  labels: Labels,
): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(
    (e) => e.operator === 'In' && (e.values ?? []).includes(labels[e.key] ?? ''),
  );
  return byLabel && byExpression;
}

/** Mebibytes of a Kubernetes memory quantity (Mi, Gi, M, G, plain bytes). */
export function mebibytes(quantity: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(String(quantity));
  if (match === null) {
    return Number.NaN;
  }
  const factor: Record<string, number> = {
    Ki: 1 / 1024,
    Mi: 1,
    Gi: 1024,
    K: 1000 / 1048576,
    M: 1e6 / 1048576,
    G: 1e9 / 1048576,
    '': 1 / 1048576,
  };
  return Number(match[1]) * factor[match[2] ?? ''];
}

/**
 * The restricted pod security the issue asks for (and Pod Security Admission's `restricted`
 * enforces): non-root as the image's user, no privilege escalation, every capability dropped,
 * the runtime's seccomp profile, a read-only root filesystem with /tmp as an emptyDir.
 */
function podSecurityViolations(where: string, template: IPodTemplateSpec): string[] {
  const spec = template.spec;
  const out: string[] = [];
  const pod = spec?.securityContext;
  if (pod?.runAsNonRoot !== true || pod.runAsUser !== NODE_UID) {
    out.push(`${where}: pod must run as non-root user ${NODE_UID}`);
  }
  if (pod?.seccompProfile?.type !== 'RuntimeDefault') {
    out.push(`${where}: pod needs seccompProfile RuntimeDefault`);
  }
  if (spec?.hostNetwork === true || spec?.hostPID === true || spec?.hostIPC === true) {
    out.push(`${where}: pod must not share host namespaces`);
  }
  for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
    const sc = c.securityContext;
    const at = `${where} container ${c.name}`;
    if (sc?.allowPrivilegeEscalation !== false) {
      out.push(`${at}: allowPrivilegeEscalation must be false`);
    }
    if (sc?.privileged === true) {
      out.push(`${at}: must not be privileged`);
    }
    if (sc?.readOnlyRootFilesystem !== true) {
      out.push(`${at}: readOnlyRootFilesystem must be true`);
    }
    if (!(sc?.capabilities?.drop ?? []).includes('ALL') || (sc?.capabilities?.add ?? []).length > 0) {
      out.push(`${at}: must drop ALL capabilities and add none`);
    }
    if (sc?.runAsUser !== undefined && sc.runAsUser !== NODE_UID) {
      out.push(`${at}: must not override the user`);
    }
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
    const volume = spec?.volumes?.find((v) => v.name === tmp?.name);
    if (volume?.emptyDir === undefined) {
      out.push(`${at}: needs an emptyDir at /tmp (the root filesystem is read-only)`);
    }
  }
  return out;
}

/** Every container reads requests and limits, and caps its V8 heap below its memory limit. */
function resourceViolations(where: string, container: IContainer): string[] {
  const out: string[] = [];
  const { requests, limits } = container.resources ?? {};
  for (const [name, set] of [
    ['requests', requests],
    ['limits', limits],
  ] as const) {
    if (set?.cpu === undefined || set.memory === undefined) {
      out.push(`${where}: needs cpu and memory ${name}`);
    }
  }
  const heap = /--max-old-space-size=(\d+)/.exec(
    (container.env ?? []).find((e) => e.name === 'NODE_OPTIONS')?.value ?? '',
  );
  const limit = limits?.memory === undefined ? Number.NaN : mebibytes(limits.memory);
  // The heap is not all of a Node process: leave a quarter of the limit for the rest.
  if (heap === null || !(Number(heap[1]) <= limit * 0.75)) {
    out.push(`${where}: NODE_OPTIONS --max-old-space-size must be set and at most 75% of the memory limit`);
  }
  return out;
}

/**
 * Secrets only by reference, each workload from its own Secret, every referenced key provided
 * by that Secret's ExternalSecret (optional keys excepted), and no Secret object at all.
 */
function secretViolations(
  where: string,
  container: IContainer,
  ownSecret: string,
  externalSecrets: IExternalSecret[],
): string[] {
  const out: string[] = [];
  for (const from of container.envFrom ?? []) {
    if (from.secretRef !== undefined) {
      out.push(`${where}: envFrom secretRef hands over a whole Secret; reference keys`);
    }
  }
  for (const e of container.env ?? []) {
    if (SECRET_NAMES.includes(e.name) && e.value !== undefined) {
      out.push(`${where}: ${e.name} has a literal value`);
    }
    const ref = e.valueFrom?.secretKeyRef;
    if (ref === undefined) {
      continue;
    }
    if (ref.name !== ownSecret) {
      out.push(`${where}: ${e.name} comes from ${String(ref.name)}, not its own Secret ${ownSecret}`);
      continue;
    }
    const source = externalSecrets.find((x) => (x.spec?.target?.name ?? x.metadata?.name) === ownSecret);
    const keys = (source?.spec?.data ?? []).map((d) => d.secretKey);
    if (ref.optional !== true && !keys.includes(ref.key)) {
      out.push(`${where}: no ExternalSecret provides ${ownSecret}/${ref.key}`);
    }
  }
  return out;
}

function probeViolations(where: string, c: IContainer): string[] {
  const out: string[] = [];
  if (c.startupProbe?.httpGet?.path !== '/health/live' || (c.startupProbe.failureThreshold ?? 3) < 12) {
    out.push(`${where}: needs a startupProbe on /health/live allowing at least 12 failures (boot)`);
  }
  if (c.readinessProbe?.httpGet?.path !== '/health/ready') {
    out.push(`${where}: needs a readinessProbe on /health/ready`);
  }
  if (c.livenessProbe?.httpGet?.path !== '/health/live') {
    out.push(`${where}: needs a livenessProbe on /health/live`);
  }
  return out;
}

/** Whether some NetworkPolicy selecting these pod labels allows egress on the port. */
function egressAllowed(policies: INetworkPolicy[], namespace: string | undefined, labels: Labels, port: number) {
  return policies.some(
    (p) =>
      p.metadata?.namespace === namespace &&
      selects(p.spec?.podSelector ?? {}, labels) &&
      (p.spec?.egress ?? []).some((rule) => (rule.ports ?? []).some((q) => q.port === port)),
  );
}

function networkViolations(objects: K8sObject[]): string[] {
  const policies = of<INetworkPolicy>(objects, 'NetworkPolicy');
  const namespaces = new Set(
    objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job').map((o) => o.metadata.namespace),
  );
  const out: string[] = [];
  for (const namespace of namespaces) {
    const denyAll = policies.some(
      (p) =>
        p.metadata?.namespace === namespace &&
        Object.keys(p.spec?.podSelector?.matchLabels ?? {}).length === 0 &&
        (p.spec?.podSelector?.matchExpressions ?? []).length === 0 &&
        (['Ingress', 'Egress'] as const).every((t) => (p.spec?.policyTypes ?? []).includes(t)) &&
        (p.spec?.ingress ?? []).length === 0 &&
        (p.spec?.egress ?? []).length === 0,
    );
    if (!denyAll) {
      out.push(`namespace ${String(namespace)}: no default-deny NetworkPolicy (all pods, Ingress and Egress)`);
    }
  }
  const workloads = [...of<IDeployment>(objects, 'Deployment'), ...of<IJob>(objects, 'Job')];
  for (const w of workloads) {
    const labels = w.spec?.template.metadata?.labels ?? {};
    const where = `${w.kind} ${String(w.metadata?.name)}`;
    if (!egressAllowed(policies, w.metadata?.namespace, labels, DNS_PORT)) {
      out.push(`${where}: no NetworkPolicy allows its DNS egress`);
    }
    const uses = (variable: string) =>
      (w.spec?.template.spec?.containers ?? []).some((c) => (c.env ?? []).some((e) => e.name === variable));
    // A workload's connection variables say which data store it must reach.
    for (const [variable, port, store] of [
      ['KAFKA_SASL_USERNAME', KAFKA_PORT, 'Kafka'],
      ['DATABASE_URL', POSTGRES_PORT, 'PostgreSQL'],
      ['NEO4J_PASSWORD', NEO4J_PORT, 'Neo4j'],
    ] as const) {
      if (uses(variable) && !egressAllowed(policies, w.metadata?.namespace, labels, port)) {
        out.push(`${where}: no NetworkPolicy allows its ${store} egress`);
      }
    }
  }
  return out;
}

/** The Secret a workload may read: `<service>-secrets`; a migration Job reads its service's. */
export const ownSecretOf = (workload: string) => `${workload.replace(/^migrate-/, '')}-secrets`;

/**
 * Every policy the issue lists, over one rendered overlay: the list of violations, empty when
 * the overlay is acceptable. Pure, so a test can hand it a deliberately broken object.
 */
export function policyViolations(objects: K8sObject[]): string[] {
  const out: string[] = [];
  const externalSecrets = of<IExternalSecret>(objects, 'ExternalSecret');
  const pdbs = of<IPodDisruptionBudget>(objects, 'PodDisruptionBudget');
  if (objects.some((o) => o.kind === 'Secret')) {
    out.push('a Secret object is committed: Secrets come from ExternalSecrets');
  }
  for (const x of externalSecrets) {
    if (x.spec?.secretStoreRef?.kind !== 'ClusterSecretStore' || x.spec.secretStoreRef.name === undefined) {
      out.push(`ExternalSecret ${String(x.metadata?.name)}: needs a ClusterSecretStore reference`);
    }
  }
  for (const d of of<IDeployment>(objects, 'Deployment')) {
    const name = String(d.metadata?.name);
    const template = d.spec?.template ?? {};
    const where = `Deployment ${name}`;
    out.push(...podSecurityViolations(where, template));
    for (const c of template.spec?.containers ?? []) {
      const at = `${where} container ${c.name}`;
      out.push(...probeViolations(at, c), ...resourceViolations(at, c));
      out.push(...secretViolations(at, c, ownSecretOf(name), externalSecrets));
    }
    const labels = template.metadata?.labels ?? {};
    if (!selects(d.spec?.selector ?? {}, labels)) {
      out.push(`${where}: its selector does not select its own pods`);
    }
    const pdb = pdbs.find(
      (p) => p.metadata?.namespace === d.metadata?.namespace && selects(p.spec?.selector ?? {}, labels),
    );
    if (pdb === undefined) {
      out.push(`${where}: no PodDisruptionBudget selects its pods`);
    }
  }
  for (const j of of<IJob>(objects, 'Job')) {
    const name = String(j.metadata?.name);
    const where = `Job ${name}`;
    out.push(...podSecurityViolations(where, j.spec?.template ?? {}));
    for (const c of j.spec?.template.spec?.containers ?? []) {
      const at = `${where} container ${c.name}`;
      out.push(...resourceViolations(at, c), ...secretViolations(at, c, ownSecretOf(name), externalSecrets));
    }
  }
  out.push(...networkViolations(objects), ...ingressViolations(objects), ...kafkaViolations(objects));
  return out;
}

/** Durable topics (3 replicas, 2 in sync) and autoscalers that target what exists, within the partitions. */
function kafkaViolations(objects: K8sObject[]): string[] {
  const out: string[] = [];
  const topics = objects.filter((o) => o.kind === 'KafkaTopic');
  for (const t of topics) {
    const spec = (t.spec ?? {}) as KafkaTopicSpec;
    if ((spec.replicas ?? 0) < 3 || Number(spec.config?.['min.insync.replicas'] ?? 0) < 2) {
      out.push(`KafkaTopic ${t.metadata.name}: needs replicas >= 3 and min.insync.replicas >= 2`);
    }
  }
  const deployments = of<IDeployment>(objects, 'Deployment');
  const auths = objects.filter((o) => o.kind === 'TriggerAuthentication').map((o) => o.metadata.name);
  for (const s of of<IScaledObject>(objects, 'ScaledObject')) {
    const where = `ScaledObject ${String(s.metadata?.name)}`;
    const target = deployments.find(
      (d) => d.metadata?.name === s.spec?.scaleTargetRef.name && d.metadata?.namespace === s.metadata?.namespace,
    );
    if (target === undefined) {
      out.push(`${where}: its target Deployment ${String(s.spec?.scaleTargetRef.name)} does not exist`);
    } else if (target.spec?.replicas !== undefined) {
      out.push(`${where}: its Deployment sets replicas, which would fight the autoscaler on every apply`);
    }
    if ((s.spec?.minReplicaCount ?? 0) < 2) {
      out.push(`${where}: minReplicaCount below 2 leaves no pod through a node loss`);
    }
    for (const trigger of s.spec?.triggers ?? []) {
      const meta = trigger.metadata as Record<string, string> | undefined;
      const topic = topics.find((t) => ((t.spec ?? {}) as KafkaTopicSpec).topicName === meta?.topic);
      const partitions = ((topic?.spec ?? {}) as KafkaTopicSpec).partitions ?? 0;
      if (trigger.type !== 'kafka' || meta?.lagThreshold === undefined || meta.consumerGroup === undefined) {
        out.push(`${where}: needs a kafka trigger with a consumerGroup and a lagThreshold`);
      } else if (topic === undefined || (s.spec?.maxReplicaCount ?? 100) > partitions) {
        out.push(`${where}: maxReplicaCount must not exceed the partitions of its topic ${meta.topic}`);
      }
      if (!auths.includes(trigger.authenticationRef?.name ?? '')) {
        out.push(`${where}: its TriggerAuthentication does not exist (SASL credentials)`);
      }
    }
  }
  return out;
}

/** Ingress only over TLS, only to a Service that exists and whose pods admit the ingress controller. */
function ingressViolations(objects: K8sObject[]): string[] {
  const out: string[] = [];
  const policies = of<INetworkPolicy>(objects, 'NetworkPolicy');
  for (const ingress of of<IIngress>(objects, 'Ingress')) {
    const where = `Ingress ${String(ingress.metadata?.name)}`;
    if ((ingress.spec?.tls ?? []).length === 0) {
      out.push(`${where}: needs TLS`);
    }
    for (const path of (ingress.spec?.rules ?? []).flatMap((r) => r.http?.paths ?? [])) {
      const name = path.backend.service?.name;
      const service = objects.find(
        (o) => o.kind === 'Service' && o.metadata.name === name && o.metadata.namespace === ingress.metadata?.namespace,
      );
      const selector = (service?.spec as { selector?: Labels } | undefined)?.selector ?? {};
      const admitted = policies.some(
        (p) =>
          p.metadata?.namespace === ingress.metadata?.namespace &&
          selects(p.spec?.podSelector ?? {}, selector) &&
          (p.spec?.ingress ?? []).some((rule) =>
            (rule.from ?? []).some(
              (peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'ingress-nginx',
            ),
          ),
      );
      if (service === undefined || !admitted) {
        out.push(`${where}: Service ${String(name)} must exist and admit the ingress controller`);
      }
    }
  }
  return out;
}
