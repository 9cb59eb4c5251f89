import { createHash } from 'node:crypto';

import type { TrainingOutcomeRow } from '@loanmesh/contracts';
import { featureNames } from '@loanmesh/features';
import type { ModelKind, OutcomeBootstrap } from '@loanmesh/ml';

import { writeArtifact } from '../training/artifact.writer';
import type { HyperParameters } from '../training/model.factory';
import { TrainerInputError } from '../errors/trainer-input.error';
import type { LoadedHistory } from '../world/history.loader';
import { buildWorldVariant, type WorldVariant } from '../world/world-training.pipeline';
import { scoreChallenger } from './challenger-scoring';
import type { RetrainInference } from './inference.client';
import { splitOutcomes, vectorOf, withoutApplications } from './outcome-rows';
import { type GateResult, type GateThresholds, outcomeGates, parityGate, reasonStabilityGate } from './retrain.gates';

export interface RetrainInput {
  history: LoadedHistory;
  historyDir: string;
  out: string;
  by: string;
  holdoutShare: number;
  thresholds: GateThresholds;
  hyperParameters: HyperParameters;
}

export interface RetrainReport {
  champion: string;
  challenger: string;
  outcomes: { available: number; appendedToTraining: number; heldOut: number };
  gates: GateResult[];
  comparison: OutcomeBootstrap | null;
  /** The registry's answer when every gate passed; null when a gate failed (nothing registered). */
  registered: { id: string; label: string; state: string } | null;
  files: string[];
}

/**
 * Retrain to promote: the serving champion's model (same kind, same features) trained again on
 * the world history plus the matured outcomes inference holds, judged against the champion on
 * held-out outcomes, and registered in shadow only when every gate passes.
 */
export async function retrain(input: RetrainInput, inference: RetrainInference): Promise<RetrainReport> {
  const outcomes = await inference.trainingOutcomes();
  if (!outcomes.champion) {
    throw new TrainerInputError('inference has no champion to retrain');
  }
  const variant = variantOf(outcomes.champion);
  const names = featureNames(variant);
  const split = splitOutcomes(outcomes, input.history, input.holdoutShare);
  const artifact = await buildWorldVariant(
    withoutApplications(input.history, new Set(split.holdout.map((r) => r.applicationId))),
    input.historyDir,
    variant,
    input.hyperParameters,
    {
      rows: split.train.map((r) => vectorOf(r, names)),
      labels: Uint8Array.from(split.train, (r) => (r.defaulted ? 1 : 0)),
      source: `${split.train.length} matured outcomes from inference`,
      fingerprint: fingerprintOf(split.train),
    },
  );
  const scores = scoreChallenger(
    artifact,
    split.holdout.map((r) => vectorOf(r, names)),
    variant.includeGraph,
  );
  const judged = outcomeGates(
    {
      labels: Uint8Array.from(split.holdout, (r) => (r.defaulted ? 1 : 0)),
      championPd: Float64Array.from(split.holdout, (r) => r.probabilityOfDefault),
      challengerPd: scores.pd,
      championReasons: split.holdout.map((r) => r.reasonCodes),
      challengerReasons: scores.reasonCodes,
    },
    input.thresholds,
  );
  const gates = [
    parityGate(artifact.card.parity),
    ...judged.gates,
    reasonStabilityGate(
      split.holdout.map((r) => r.reasonCodes),
      scores.reasonCodes,
      input.thresholds.minReasonOverlap,
    ),
  ];
  const report: RetrainReport = {
    champion: outcomes.champion,
    challenger: artifact.name,
    outcomes: {
      available: outcomes.rows.length,
      appendedToTraining: split.train.length,
      heldOut: split.holdout.length,
    },
    gates,
    comparison: judged.comparison,
    registered: null,
    files: [],
  };
  if (gates.some((g) => !g.passed)) {
    return report;
  }
  const files = writeArtifact(input.out, artifact);
  const registered = await inference.registerShadow(artifact.name, input.by);
  return { ...report, files, registered: { id: registered.id, label: registered.label, state: registered.state } };
}

/** The champion's name as the trainer wrote it (`<prefix>-<kind>-graph|tabular:vN`) gives what to train. */
export function variantOf(championLabel: string): WorldVariant {
  const name = championLabel.replace(/:v\d+$/, '');
  const match = /-(gbm|scorecard)-(graph|tabular)$/.exec(name);
  if (!match) {
    throw new TrainerInputError(
      `champion ${championLabel} is not a world model (<prefix>-gbm|scorecard-graph|tabular)`,
    );
  }
  return { name, kind: match[1] as ModelKind, includeGraph: match[2] === 'graph' };
}

function fingerprintOf(rows: readonly TrainingOutcomeRow[]): string {
  const hash = createHash('sha256');
  rows.forEach((r) => hash.update(`${r.applicationId}:${r.defaulted ? 1 : 0};`));
  return hash.digest('hex');
}
