import type { CaseStatus, QueueItem } from '../api/cases.api';
import { type SlaState, slaState } from './sla';

export interface QueueFilter {
  status: CaseStatus | '';
  grade: string;
  ruleHit: string;
  assignee: string;
  sla: SlaState | '';
  search: string;
  sort: 'priority' | 'amount' | 'expectedLoss' | 'slaDeadline';
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

function matches(c: QueueItem, f: QueueFilter, now: number): boolean {
  const q = f.search.trim().toLowerCase();
  return (
    (!f.status || c.status === f.status) &&
    (!f.grade || (c.riskGrade ?? 'not scored') === f.grade) &&
    (!f.ruleHit || c.ruleHits.includes(f.ruleHit)) &&
    (!f.assignee || (c.assignee ?? '—') === f.assignee) &&
    (!f.sla || slaState(c, now) === f.sla) &&
    (!q || [c.applicationId, c.companyId, c.assignee ?? ''].some((v) => v.toLowerCase().includes(q)))
  );
}

const ORDER: Record<QueueFilter['sort'], (a: QueueItem, b: QueueItem) => number> = {
  priority: (a, b) => b.priority - a.priority,
  amount: (a, b) => b.amount - a.amount,
  expectedLoss: (a, b) => b.expectedLoss - a.expectedLoss,
  slaDeadline: (a, b) => Date.parse(a.slaDeadline) - Date.parse(b.slaDeadline),
};

/** The queue as the officer filtered, sorted and paged it. */
export function applyFilter(items: QueueItem[], f: QueueFilter, now: number): { rows: QueueItem[]; total: number } {
  const kept = items.filter((c) => matches(c, f, now)).sort(ORDER[f.sort]);
  return { rows: kept.slice(f.page * PAGE_SIZE, (f.page + 1) * PAGE_SIZE), total: kept.length };
}

/** The distinct values a filter can take, from the loaded queue. */
export function choices(items: QueueItem[]): { grades: string[]; ruleHits: string[]; assignees: string[] } {
  const sorted = (values: string[]): string[] => [...new Set(values)].sort();
  return {
    grades: sorted(items.map((c) => c.riskGrade ?? 'not scored')),
    ruleHits: sorted(items.flatMap((c) => c.ruleHits)),
    assignees: sorted(items.map((c) => c.assignee ?? '—')),
  };
}
