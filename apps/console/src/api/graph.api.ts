import type { CandidateStatus, EgoGraph, MergeCandidate } from './graph.types';
import { request } from './http';

export function egoGraph(applicationId: string): Promise<EgoGraph> {
  return request<EgoGraph>(`/graph/applications/${encodeURIComponent(applicationId)}/ego-graph`);
}

export async function mergeCandidates(status: CandidateStatus | 'ALL'): Promise<MergeCandidate[]> {
  return (
    await request<{ candidates: MergeCandidate[] }>(`/graph/entity-resolution/candidates?status=${status}&limit=200`)
  ).candidates;
}

export async function decideCandidate(id: string, verdict: 'confirm' | 'reject'): Promise<void> {
  await request<unknown>(`/graph/entity-resolution/candidates/${encodeURIComponent(id)}/${verdict}`, {
    method: 'POST',
  });
}
