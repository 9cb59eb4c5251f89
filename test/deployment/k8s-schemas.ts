import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';

import type { K8sObject } from './kustomize-render';

type Validating = new (data: never) => { validate(): void };

/**
 * The JSON schema of each apiVersion/kind LoanMesh deploys: the Kubernetes OpenAPI schemas
 * (kubernetes-models) and the operators' CRD schemas (@kubernetes-models/keda,
 * strimzi-kafka-operator, external-secrets), all shipped in node_modules: no network. A kind
 * missing here (and from STRIMZI) fails validation, so a new kind needs its schema first.
 */
const SCHEMAS: Readonly<Record<string, Validating>> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
  'external-secrets.io/v1beta1/ExternalSecret': ExternalSecret,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
};

/** Strimzi's kinds, validated by strimzi-schema.mjs in its own Node process (an ESM-only package). */
const STRIMZI = new Set(['kafka.strimzi.io/v1beta2/KafkaTopic', 'kafka.strimzi.io/v1beta2/KafkaUser']);

const idOf = (object: K8sObject) => `${object.apiVersion}/${object.kind}`;

function strimziErrors(objects: K8sObject[]): (string | null)[] {
  if (objects.length === 0) {
    return [];
  }
  const output = execFileSync(process.execPath, [join(__dirname, 'strimzi-schema.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  return JSON.parse(output) as (string | null)[];
}

/** Each object that does not match its kind's schema, as "<apiVersion>/<kind> <name>: <error>". */
export function schemaErrors(objects: K8sObject[]): string[] {
  const strimzi = objects.filter((o) => STRIMZI.has(idOf(o)));
  const fromStrimzi = strimziErrors(strimzi).flatMap((error, i) =>
    error === null ? [] : [`${idOf(strimzi[i])} ${strimzi[i].metadata.name}: ${error}`],
  );
  const fromModels = objects
    .filter((o) => !STRIMZI.has(idOf(o)))
    .flatMap((object) => {
      const Model = SCHEMAS[idOf(object)];
      if (Model === undefined) {
        return [`${idOf(object)} ${object.metadata.name}: no schema for this apiVersion and kind`];
      }
      try {
        new Model(object as never).validate();
        return [];
      } catch (e) {
        return [`${idOf(object)} ${object.metadata.name}: ${e instanceof Error ? e.message : String(e)}`];
      }
    });
  return [...fromModels, ...fromStrimzi];
}
