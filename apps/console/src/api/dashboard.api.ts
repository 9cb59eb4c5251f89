import type { DashboardSummary, WindowHours } from './dashboard.types';
import { request } from './http';

export function dashboard(hours: WindowHours): Promise<DashboardSummary> {
  return request<DashboardSummary>(`/dashboard?hours=${hours}`);
}
