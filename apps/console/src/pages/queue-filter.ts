import type { QueueQuery } from '../api/cases.api';
import type { SlaState } from './sla';

/** The officer's filters as the page keeps them; review filters, sorts and pages (GET /cases). */
export interface QueueFilter {
  status: NonNullable<QueueQuery['status']> | '';
  grade: string;
  ruleHit: string;
  assignee: string;
  sla: SlaState | '';
  search: string;
  sort: NonNullable<QueueQuery['sort']>;
  page: number;
}

export const PAGE_SIZE = 25;

export const emptyFilter: QueueFilter = {
  status: '',
  grade: '',
  ruleHit: '',
  assignee: '',
  sla: '',
  search: '',
  sort: 'priority',
  page: 0,
};

/** The query review expects; an empty choice means "any" and is left out. */
export function toQuery(f: QueueFilter): QueueQuery {
  const search = f.search.trim();
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.grade ? { grade: f.grade } : {}),
    ...(f.ruleHit ? { ruleHit: f.ruleHit } : {}),
    ...(f.assignee ? { assignee: f.assignee } : {}),
    ...(f.sla ? { sla: f.sla } : {}),
    ...(search ? { q: search } : {}),
    sort: f.sort,
    page: f.page,
    pageSize: PAGE_SIZE,
  };
}
