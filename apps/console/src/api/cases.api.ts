import type { CaseDetail, DecisionReason, QueueItem } from './cases.types';
import { download, request } from './http';

const casePath = (id: string, action = ''): string => `/cases/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** `background`: a reload the server pushed, not the user's (it never refreshes the token). */
export function queue(background = false): Promise<QueueItem[]> {
  return request<QueueItem[]>('/cases', { background });
}

export function caseDetail(id: string): Promise<CaseDetail> {
  return request<CaseDetail>(casePath(id));
}

export function decisionReasons(): Promise<DecisionReason[]> {
  return request<DecisionReason[]>('/cases/reasons');
}

export type CaseAction =
  | { action: 'claim' }
  | { action: 'release' }
  | { action: 'decide'; body: { outcome: 'APPROVED' | 'DECLINED'; reasonCode: string; note: string } }
  | { action: 'confirm'; body: { agree: boolean; note: string } }
  | { action: 'comments'; body: { text: string } }
  | { action: 'reopen'; body: { reason: string } };

export async function act(id: string, a: CaseAction): Promise<void> {
  await request<unknown>(casePath(id, a.action), { method: 'POST', body: 'body' in a ? a.body : undefined });
}

export function creditMemoPdf(id: string): Promise<Blob> {
  return download(casePath(id, 'memo.pdf'));
}
