import type { paths } from '@loanmesh/contracts/openapi/review';

import type { CaseEvent, CaseSnapshot, DecisionRecord } from './cases.types';
import { download } from './http';
import { get, post, type ResponseOf } from './review-client';

export type QueuePage = ResponseOf<'/cases', 'get'>;
export type QueueItem = QueuePage['items'][number];
export type QueueQuery = NonNullable<paths['/cases']['get']['parameters']['query']>;
export type CaseStatus = QueueItem['status'];
export type DecisionReason = ResponseOf<'/cases/reasons', 'get'>[number];
type DescribedDetail = ResponseOf<'/cases/{id}', 'get'>;
/** The case as described, with the snapshot, history and decisions review describes only as records. */
export type CaseRecord = Omit<DescribedDetail['case'], 'snapshot'> & { snapshot: CaseSnapshot };
export interface CaseDetail {
  case: CaseRecord;
  history: CaseEvent[];
  decisions: DecisionRecord[];
}

/**
 * One page of the queue, filtered, sorted and paged by review. `background`: a reload the server
 * pushed, not the user's (it never refreshes the token).
 */
export function queue(query: QueueQuery, background = false): Promise<QueuePage> {
  return get('/cases', { query, background });
}

export async function caseDetail(id: string): Promise<CaseDetail> {
  return (await get('/cases/{id}', { path: { id } })) as unknown as CaseDetail;
}

export function decisionReasons(): Promise<DecisionReason[]> {
  return get('/cases/reasons', {});
}

export type CaseAction =
  | { action: 'claim' }
  | { action: 'release' }
  | { action: 'decide'; body: { outcome: 'APPROVED' | 'DECLINED'; reasonCode: string; note: string } }
  | { action: 'confirm'; body: { agree: boolean; note: string } }
  | { action: 'comments'; body: { text: string } }
  | { action: 'reopen'; body: { reason: string } };

export async function act(id: string, a: CaseAction): Promise<void> {
  const path = { id };
  switch (a.action) {
    case 'claim':
      await post('/cases/{id}/claim', { path });
      return;
    case 'release':
      await post('/cases/{id}/release', { path });
      return;
    case 'decide':
      await post('/cases/{id}/decide', { path, body: a.body });
      return;
    case 'confirm':
      await post('/cases/{id}/confirm', { path, body: a.body });
      return;
    case 'comments':
      await post('/cases/{id}/comments', { path, body: a.body });
      return;
    case 'reopen':
      await post('/cases/{id}/reopen', { path, body: a.body });
      return;
  }
}

export function creditMemoPdf(id: string): Promise<Blob> {
  return download(`/cases/${encodeURIComponent(id)}/memo.pdf`);
}
