import {
  buildFeatureVector,
  FEATURE_VERSION,
  featureNames,
  featureSpec,
  type HistoryRow,
  monotoneConstraints,
} from '@loanmesh/features';
import {
  type Dataset,
  type DataSplitDescription,
  graphLift,
  type ModelKind,
  type ScoredSide,
  selectChampion,
} from '@loanmesh/ml';

import { writeArtifact } from '../training/artifact.writer';
import {
  buildModelArtifact,
  type ModelArtifact,
  withChampion,
  withGraphLift,
} from '../training/model-artifact.builder';
import type { HyperParameters } from '../training/model.factory';
import type { CommonTrainingOptions } from '../training/training-options';
import { type LoadedHistory, loadHistory } from './history.loader';

/**
 * Trains tabular-only and graph-enhanced versions of every requested model kind on the
 * generator's history, puts the graph-lift comparison (with paired bootstrap intervals) in both
 * cards of a kind, and the champion choice over all models in every card.
 */
export async function trainFromWorld(historyDir: string, options: CommonTrainingOptions): Promise<ModelArtifact[]> {
  const history = loadHistory(historyDir);
  const artifacts: ModelArtifact[] = [];
  const labels = Uint8Array.from(history.parts.test, (r) => r.label);
  for (const kind of options.kinds) {
    const [tabular, graph] = [false, true].map((includeGraph) => ({
      includeGraph,
      name: `${options.name}-${kind}-${includeGraph ? 'graph' : 'tabular'}`,
    }));
    const built: ModelArtifact[] = [];
    for (const variant of [tabular, graph]) {
      built.push(await buildWorldVariant(history, historyDir, { ...variant, kind }, options.hyperParameters));
    }
    const lift = graphLift(scored(built[0]), scored(built[1]), labels, { approvalRate: options.approvalRate });
    artifacts.push(withGraphLift(built[0], lift), withGraphLift(built[1], lift));
  }
  const reference = artifacts.find((a) => a.name === `${options.name}-gbm-tabular`) ?? artifacts[0];
  const champion = selectChampion(scored(reference), artifacts.map(scored), labels, {
    approvalRate: options.approvalRate,
  });
  return artifacts.map((artifact) => {
    const withChoice = withChampion(artifact, champion);
    writeArtifact(options.out, withChoice);
    return withChoice;
  });
}

/** One model of the world pipeline: which kind, with or without graph features, under which name. */
export interface WorldVariant {
  name: string;
  kind: ModelKind;
  includeGraph: boolean;
}

/** Labelled rows that are not in the world history (served vectors of matured outcomes), trained on too. */
export interface ExtraTrainingRows {
  rows: Float64Array[];
  labels: Uint8Array;
  /** What the rows are, for the card's data source and fingerprint. */
  source: string;
  fingerprint: string;
}

/**
 * Trains, checks and documents one variant on the history's time split; `extra` rows (already
 * in the variant's feature order) join the training part only, so validation and test stay the
 * world's.
 */
export async function buildWorldVariant(
  history: LoadedHistory,
  historyDir: string,
  variant: WorldVariant,
  hyperParameters: HyperParameters,
  extra?: ExtraTrainingRows,
): Promise<ModelArtifact> {
  const data = (part: keyof LoadedHistory['parts']) => toDataset(history.parts[part], variant.includeGraph);
  const train = extra ? appendRows(data('train'), extra) : data('train');
  return buildModelArtifact({
    name: variant.name,
    kind: variant.kind,
    featureVersion: FEATURE_VERSION,
    // The meta file keeps the descriptive spec; reason phrasing lives in libs/features only.
    spec: featureSpec(variant).map(({ reason: _reason, ...entry }) => entry),
    train,
    validation: data('validation'),
    test: data('test'),
    split: describeSplit(history),
    fingerprint: {
      value: extra ? `${history.fingerprint}+${extra.fingerprint}` : history.fingerprint,
      rows: rowCount(history) + (extra?.rows.length ?? 0),
      source: extra ? `${historyDir} + ${extra.source}` : historyDir,
    },
    hyperParameters: withSpecConstraints(hyperParameters, variant.includeGraph),
    crossValidation: null,
    warnings: [],
  });
}

function appendRows(train: Dataset, extra: ExtraTrainingRows): Dataset {
  return {
    featureNames: train.featureNames,
    rows: [...train.rows, ...extra.rows],
    labels: Uint8Array.from([...train.labels, ...extra.labels]),
  };
}

function scored(artifact: ModelArtifact): ScoredSide {
  return { model: artifact.name, probabilities: artifact.testProbabilities };
}

/**
 * The GBM gets a monotone constraint for every feature with a known risk direction, read from
 * the feature spec (`monotoneConstraintOf`), so its reasons and its scores agree on which end is risky.
 */
function withSpecConstraints(hp: HyperParameters, includeGraph: boolean): HyperParameters {
  return { ...hp, gbm: { ...hp.gbm, monotoneConstraints: monotoneConstraints({ includeGraph }) } };
}

function toDataset(rows: HistoryRow[], includeGraph: boolean): Dataset {
  return {
    featureNames: featureNames({ includeGraph }),
    rows: rows.map((r) => buildFeatureVector(r.input, { includeGraph })),
    labels: Uint8Array.from(rows, (r) => r.label),
  };
}

function rowCount(history: LoadedHistory): number {
  return Object.values(history.parts).reduce((n, rows) => n + rows.length, 0);
}

function describeSplit(history: LoadedHistory): DataSplitDescription {
  const part = (rows: HistoryRow[]) => {
    const times = rows.map((r) => r.submittedAt).sort();
    return { rows: rows.length, from: times[0], to: times[times.length - 1] };
  };
  return {
    method: 'time',
    parts: {
      train: part(history.parts.train),
      validation: part(history.parts.validation),
      test: part(history.parts.test),
    },
  };
}
