import { request } from './http';
import type { DecisionReplay } from './replay.types';

export function replay(applicationId: string): Promise<DecisionReplay> {
  return request<DecisionReplay>(`/decisions/${encodeURIComponent(applicationId)}/replay`);
}
