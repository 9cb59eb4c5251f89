import { createHash } from 'node:crypto';

import {
  applyCalibration,
  calibrationByDecile,
  type ChampionSelection,
  featureBaselines,
  featureReferences,
  type FeatureReferences,
  fitPlatt,
  type GraphLift,
  largestCalibrationGap,
  type ModelCard,
  modelToJson,
  type MonotoneConstraint,
  type PlattCalibration,
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
  /** Served test probabilities (recalibrated when the card says so). */
  testProbabilities: Float64Array;
}

/** Recalibrate when the validation deciles' largest gap exceeds this (2 percentage points). */
export const RECALIBRATION_GAP = 0.02;

/** Trains, exports to ONNX, checks parity with onnxruntime-node and writes the card. */
export async function buildModelArtifact(job: TrainingJob): Promise<ModelArtifact> {
  const fitted = fitModel(job.kind, job.train, job.validation, job.hyperParameters);
  const predictAll = (rows: Float64Array[]) => Float64Array.from(rows, (r) => fitted.predict(r));
  const rawTest = predictAll(job.test.rows);
  const rawValidation = predictAll(job.validation.rows);
  const calibration = calibrationReport(job, rawValidation, rawTest);
  const served = (raw: Float64Array) => raw.map((p) => applyCalibration(calibration.recalibration, p));
  const testProbabilities = served(rawTest);
  const onnx = fitted.toOnnx({ name: job.name, kind: job.kind, featureVersion: job.featureVersion });
  // ONNX gives the raw probability; parity is checked on that, recalibration is applied after it.
  const parity = await checkParity(onnx, job.test.rows, rawTest, job.train.featureNames.length);
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
      validation: summarise(served(rawValidation), job.validation.labels),
      test: summarise(testProbabilities, job.test.labels),
    },
    crossValidation: job.crossValidation,
    featureImportance: fitted.importance,
    baselineScoreDistribution: scoreBaseline(predictAll(job.train.rows)),
    baselineFeatureDistributions: featureBaselines(job.train.featureNames, job.train.rows),
    parity,
    calibration,
    graphLift: null,
    champion: null,
    ...categoryCodesOf(job),
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
    // Serving reads the same calibration from <name>.model.json and applies it to `probability`.
    calibration: calibration.recalibration,
    metrics: { test: withoutCalibration(card), crossValidation: job.crossValidation },
    parity,
  };
  return {
    name: job.name,
    model: fitted.model,
    onnx,
    card,
    meta,
    modelJson: { ...(modelToJson(fitted.model) as object), calibration: calibration.recalibration },
    references: featureReferences(job.train),
    testProbabilities,
  };
}

export function withChampion(artifact: ModelArtifact, champion: ChampionSelection): ModelArtifact {
  return { ...artifact, card: { ...artifact.card, champion }, meta: { ...artifact.meta, champion: champion.champion } };
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

function categoryCodesOf(job: TrainingJob): Pick<ModelCard, 'categoryCodes'> {
  const coded = job.spec.filter((d) => d.categories);
  return coded.length === 0
    ? {}
    : { categoryCodes: Object.fromEntries(coded.map((d) => [d.name, d.categories ?? []])) };
}

function withoutCalibration(card: ModelCard): object {
  const { calibration: _calibration, ...rest } = card.metrics.test;
  return rest;
}

/**
 * Decile calibration of the raw model on the validation part decides whether to recalibrate
 * (largest gap above 2 points); the Platt fit uses the same validation rows, never the test rows.
 */
function calibrationReport(
  job: TrainingJob,
  rawValidation: Float64Array,
  rawTest: Float64Array,
): ModelCard['calibration'] {
  const validationGap = largestCalibrationGap(calibrationByDecile(rawValidation, job.validation.labels));
  const rawTestBins = calibrationByDecile(rawTest, job.test.labels);
  const v = job.split.parts.validation;
  const fittedOn = v.from && v.to ? `validation ${v.from.slice(0, 10)}..${v.to.slice(0, 10)}` : 'validation part';
  const recalibration: PlattCalibration | null =
    validationGap > RECALIBRATION_GAP ? fitPlatt(rawValidation, job.validation.labels, fittedOn) : null;
  const servedTest = rawTest.map((p) => applyCalibration(recalibration, p));
  return {
    threshold: RECALIBRATION_GAP,
    rawLargestGap: { validation: validationGap, test: largestCalibrationGap(rawTestBins) },
    rawTest: rawTestBins,
    recalibration,
    servedLargestGapTest: largestCalibrationGap(calibrationByDecile(servedTest, job.test.labels)),
  };
}
