import type { ModelPromotionEntity } from './model-promotion.entity';
import { type ModelVersionEntity, versionLabel } from './model-version.entity';
import type { ModelDetail, ModelSummary } from './model-version.schemas';

/** A registry entry as the API shows it (the card only on the detail route). */
export function modelSummary(m: ModelVersionEntity): ModelSummary {
  return {
    id: m.id,
    name: m.name,
    version: m.version,
    label: versionLabel(m),
    kind: m.kind,
    state: m.state,
    sha256: m.sha256,
    filePath: m.filePath,
    fileBytes: m.fileBytes,
    featureVersion: m.featureVersion,
    includesGraph: m.includesGraph,
    registeredAt: m.registeredAt.toISOString(),
    stateChangedAt: m.stateChangedAt.toISOString(),
  };
}

export function modelDetail(m: ModelVersionEntity, promotions: ModelPromotionEntity[]): ModelDetail {
  return {
    ...modelSummary(m),
    featureNames: m.featureNames,
    card: m.card as Record<string, unknown>,
    promotions: promotions.map((p) => ({
      from: p.fromState,
      to: p.toState,
      by: p.promotedBy,
      at: p.promotedAt.toISOString(),
      note: p.note,
    })),
  };
}
