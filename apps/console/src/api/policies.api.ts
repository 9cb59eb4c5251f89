import { request } from './http';
import type { BacktestResult, PolicyVersion } from './policies.types';

export function policies(): Promise<PolicyVersion[]> {
  return request<PolicyVersion[]>('/policies');
}

export async function saveDraft(rules: unknown, note: string): Promise<void> {
  await request<unknown>('/policies', { method: 'POST', body: { rules, note } });
}

export function backtest(id: string): Promise<BacktestResult> {
  return request<BacktestResult>(`/policies/${encodeURIComponent(id)}/backtest`, { method: 'POST' });
}

export async function activate(id: string): Promise<void> {
  await request<unknown>(`/policies/${encodeURIComponent(id)}/activate`, { method: 'POST' });
}
