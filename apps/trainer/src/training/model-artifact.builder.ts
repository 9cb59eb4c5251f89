import { createHash } from 'node:crypto';

import {
  featureReferences,
  type FeatureReferences,
  type GraphLift,
  type ModelCard,
  modelToJson,
  type MonotoneConstraint,
  scoreBaseline,
  summarise,
  type TrainedModel,
} from '@loanmesh/ml';

import { fitModel } from './model.factory';
import { checkParity } from './parity.check';
import type { TrainingJob } from './training-job';

export interface ModelArtifact {
  name: string;
  model: TrainedModel;
  onnx: Uint8Array;
  card: ModelCard;
  meta: object;
  modelJson: unknown;
  /** Training medians per feature: the reference points serving judges reason codes against. */
  references: FeatureReferences;
  testProbabilities: Float64Array;
}

/** Trains, exports to ONNX, checks parity with onnxruntime-node and writes the card. */
export async function buildModelArtifact(job: TrainingJob): Promise<ModelArtifact> {
  const fitted = fitModel(job.kind, job.train, job.validation, job.hyperParameters);
  const predictAll = (rows: Float64Array[]) => Float64Array.from(rows, (r) => fitted.predict(r));
  const testProbabilities = predictAll(job.test.rows);
  const onnx = fitted.toOnnx({ name: job.name, kind: job.kind, featureVersion: job.featureVersion });
  const parity = await checkParity(onnx, job.test.rows, testProbabilities, job.train.featureNames.length);
  const card: ModelCard = {
    name: job.name,
    kind: job.kind,
    createdAt: new Date().toISOString(),
    featureVersion: job.featureVersion,
    featureNames: job.train.featureNames,
    dataFingerprint: { algorithm: 'sha256', ...job.fingerprint },
    split: job.split,
    hyperParameters: fitted.hyperParameters,
    monotoneConstraints: namedConstraints(job.train.featureNames, fitted.monotoneConstraints),
    metrics: {
      validation: summarise(predictAll(job.validation.rows), job.validation.labels),
      test: summarise(testProbabilities, job.test.labels),
    },
    crossValidation: job.crossValidation,
    featureImportance: fitted.importance,
    baselineScoreDistribution: scoreBaseline(predictAll(job.train.rows)),
    parity,
    graphLift: null,
    warnings: job.warnings,
  };
  const onnxSha256 = createHash('sha256').update(onnx).digest('hex');
  const meta = {
    name: job.name,
    modelKind: job.kind,
    featureVersion: job.featureVersion,
    featureNames: job.train.featureNames,
    featureSpec: job.spec,
    monotoneConstraints: card.monotoneConstraints,
    onnxFile: `${job.name}.onnx`,
    onnxSha256,
    input: { name: 'features', type: 'float32', shape: ['N', job.train.featureNames.length] },
    outputs: { probability: ['N', 1], logit: ['N', 1] },
    metrics: { test: withoutCalibration(card), crossValidation: job.crossValidation },
    parity,
  };
  return {
    name: job.name,
    model: fitted.model,
    onnx,
    card,
    meta,
    modelJson: modelToJson(fitted.model),
    references: featureReferences(job.train),
    testProbabilities,
  };
}

export function withGraphLift(artifact: ModelArtifact, lift: GraphLift): ModelArtifact {
  return { ...artifact, card: { ...artifact.card, graphLift: lift }, meta: { ...artifact.meta, graphLift: lift } };
}

function namedConstraints(
  names: string[],
  constraints: readonly MonotoneConstraint[] | null,
): Record<string, MonotoneConstraint> | null {
  return constraints && Object.fromEntries(names.map((name, i) => [name, constraints[i] ?? 0]));
}

function withoutCalibration(card: ModelCard): object {
  const { calibration: _calibration, ...rest } = card.metrics.test;
  return rest;
}
