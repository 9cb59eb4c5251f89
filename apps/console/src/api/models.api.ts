import { request } from './http';
import type { ModelCatalog, PromotionRequest, PromotionTarget } from './models.types';

export function catalog(): Promise<ModelCatalog> {
  return request<ModelCatalog>('/models');
}

export async function promotionRequests(): Promise<PromotionRequest[] | undefined> {
  try {
    return (await request<{ requests: PromotionRequest[] }>('/models/promotion-requests?status=all')).requests;
  } catch {
    return undefined;
  }
}

export async function requestPromotion(modelId: string, to: PromotionTarget, reason: string): Promise<void> {
  await request<unknown>(`/models/${encodeURIComponent(modelId)}/promotion-requests`, {
    method: 'POST',
    body: { to, reason },
  });
}

export async function approvePromotion(requestId: string): Promise<void> {
  await request<unknown>(`/models/promotion-requests/${encodeURIComponent(requestId)}/approve`, {
    method: 'POST',
    body: {},
  });
}
