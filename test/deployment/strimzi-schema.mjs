// Validates Strimzi KafkaTopic and KafkaUser objects (a JSON array on stdin) against the CRD
// schemas shipped by @kubernetes-models/strimzi-kafka-operator, and prints a JSON array of
// error messages (null where valid). A separate Node process: the package is ESM-only, which
// Jest's CommonJS module registry cannot load (test/deployment/k8s-schemas.ts runs it).
import { KafkaTopic } from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2/KafkaTopic';
import { KafkaUser } from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2/KafkaUser';
import { readFileSync } from 'node:fs';

const MODELS = { KafkaTopic, KafkaUser };
const objects = JSON.parse(readFileSync(0, 'utf8'));
const errors = objects.map((object) => {
  const Model = MODELS[object.kind];
  if (Model === undefined || object.apiVersion !== 'kafka.strimzi.io/v1beta2') {
    return `${object.apiVersion}/${object.kind}: no Strimzi schema`;
  }
  try {
    new Model(object).validate();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
});
process.stdout.write(JSON.stringify(errors));
