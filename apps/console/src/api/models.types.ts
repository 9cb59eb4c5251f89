export interface ModelEntry {
  id: string;
  name: string;
  label: string;
  state: string;
}

export type ModelCatalog = { available: true; models: ModelEntry[] } | { available: false; source: string };

export interface PromotionRequest {
  id: string;
  modelId: string;
  to: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

export const PROMOTION_TARGETS = ['challenger', 'champion', 'retired'] as const;
export type PromotionTarget = (typeof PROMOTION_TARGETS)[number];
