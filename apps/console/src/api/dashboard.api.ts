import type { DashboardSummary } from './dashboard.types';
import { request } from './http';

export function dashboard(): Promise<DashboardSummary> {
  return request<DashboardSummary>('/dashboard');
}
