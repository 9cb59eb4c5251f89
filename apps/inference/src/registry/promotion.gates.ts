import type { ParityReport } from './parity.gate';
import { type ModelCardGateView, modelCardGateSchema, parseArtifactPart } from './model-artifact.parser';
import { ModelRegistryException } from './model-registry.exception';
import type { ModelVersionEntity } from './model-version.entity';
import { versionLabel } from './model-version.entity';

/** The card's own parity result and a live re-check on the probe set must both pass. */
export function assertParity(model: ModelVersionEntity, live: ParityReport): void {
  const card = gateView(model);
  if (!card.parity.passed) {
    throw new ModelRegistryException(
      'PROMOTION_PARITY_FAILED',
      `${versionLabel(model)}: the trainer's parity check failed (max difference ${card.parity.maxAbsDifference})`,
    );
  }
  if (!live.passed) {
    throw new ModelRegistryException(
      'PROMOTION_PARITY_FAILED',
      `${versionLabel(model)}: onnxruntime-node differs from the trainer's evaluation by ${live.maxAbsDifference} ` +
        `on ${live.rows} probe rows (tolerance ${live.tolerance})`,
    );
  }
}

/** A new champion's test AUC may be at most `margin` below the current champion's. */
export function assertAucNotWorse(
  candidate: ModelVersionEntity,
  champion: ModelVersionEntity | null,
  margin: number,
): void {
  if (!champion || champion.id === candidate.id) {
    return;
  }
  const mine = gateView(candidate).metrics.test.auc;
  const theirs = gateView(champion).metrics.test.auc;
  if (mine < theirs - margin) {
    throw new ModelRegistryException(
      'PROMOTION_AUC_GATE_FAILED',
      `${versionLabel(candidate)} has test AUC ${mine.toFixed(4)}, more than ${margin} below champion ` +
        `${versionLabel(champion)} at ${theirs.toFixed(4)}`,
    );
  }
}

function gateView(model: ModelVersionEntity): ModelCardGateView {
  return parseArtifactPart(modelCardGateSchema, model.card, `model card of ${versionLabel(model)}`);
}
