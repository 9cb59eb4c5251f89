import { z } from 'zod';

import { typedLine } from '@loanmesh/contracts';

import type { CaseEntity } from './case.entity';

/** One row of the officers' queue. */
export interface QueueItem {
  id: string;
  applicationId: string;
  companyId: string;
  /** Masked for roles that see personal data masked (a sole proprietor's name is a person's). */
  companyName: string | null;
  status: CaseEntity['status'];
  assignee: string | null;
  amount: number;
  probabilityOfDefault: number | null;
  riskGrade: string | null;
  expectedLoss: number;
  priority: number;
  slaDeadline: Date;
  slaBreached: boolean;
  fourEyesRequired: boolean;
  ruleHits: string[];
  createdAt: Date;
}

export const SLA_STATES = ['ok', 'amber', 'red'] as const;
export type SlaState = (typeof SLA_STATES)[number];
export const QUEUE_SORTS = ['priority', 'amount', 'expectedLoss', 'slaDeadline'] as const;

/** `GET /cases` query: filters, search, sort and paging over the undecided cases. */
export const queueQuerySchema = z.object({
  status: z.enum(['OPEN', 'CLAIMED', 'AWAITING_CONFIRMATION']).optional(),
  grade: typedLine(16).optional().describe('a risk grade, or `not scored`'),
  ruleHit: typedLine(64).optional(),
  assignee: typedLine(64).optional().describe('a user name, or `—` for unassigned cases'),
  sla: z.enum(SLA_STATES).optional().describe('ok; amber in the last quarter of the SLA window; red once over'),
  q: typedLine(100).optional().describe('search in application id, company id, company name and assignee'),
  sort: z.enum(QUEUE_SORTS).default('priority'),
  page: z.coerce.number().int().min(0).max(10_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export interface QueuePage {
  items: QueueItem[];
  /** Cases matching the filters. */
  total: number;
  /** Undecided cases in the queue, before the filters. */
  queued: number;
  page: number;
  pageSize: number;
  /** The values each filter can take over the whole queue (not only this page). */
  choices: { grades: string[]; ruleHits: string[]; assignees: string[] };
}

const NOT_SCORED = 'not scored';
const UNASSIGNED = '—';

/** Amber once three quarters of the SLA window are gone, red when it is over. */
export function slaStateOf(c: Pick<QueueItem, 'createdAt' | 'slaDeadline' | 'slaBreached'>, now: Date): SlaState {
  const deadline = c.slaDeadline.getTime();
  if (c.slaBreached || deadline <= now.getTime()) {
    return 'red';
  }
  const window = deadline - c.createdAt.getTime();
  return window > 0 && (deadline - now.getTime()) / window < 0.25 ? 'amber' : 'ok';
}

function matches(c: QueueItem, f: QueueQuery, now: Date): boolean {
  const q = f.q?.trim().toLowerCase();
  return (
    (!f.status || c.status === f.status) &&
    (!f.grade || (c.riskGrade ?? NOT_SCORED) === f.grade) &&
    (!f.ruleHit || c.ruleHits.includes(f.ruleHit)) &&
    (!f.assignee || (c.assignee ?? UNASSIGNED) === f.assignee) &&
    (!f.sla || slaStateOf(c, now) === f.sla) &&
    (!q ||
      [c.applicationId, c.companyId, c.companyName ?? '', c.assignee ?? ''].some((v) => v.toLowerCase().includes(q)))
  );
}

const ORDER: Record<QueueQuery['sort'], (a: QueueItem, b: QueueItem) => number> = {
  priority: (a, b) => b.priority - a.priority,
  amount: (a, b) => b.amount - a.amount,
  expectedLoss: (a, b) => b.expectedLoss - a.expectedLoss,
  slaDeadline: (a, b) => a.slaDeadline.getTime() - b.slaDeadline.getTime(),
};

const distinct = (values: string[]): string[] => [...new Set(values)].sort();

/** The queue as the officer filtered, sorted and paged it; `items` arrive highest priority first. */
export function pageQueue(items: QueueItem[], f: QueueQuery, now: Date): QueuePage {
  const kept = items.filter((c) => matches(c, f, now)).sort(ORDER[f.sort]);
  return {
    items: kept.slice(f.page * f.pageSize, (f.page + 1) * f.pageSize),
    total: kept.length,
    queued: items.length,
    page: f.page,
    pageSize: f.pageSize,
    choices: {
      grades: distinct(items.map((c) => c.riskGrade ?? NOT_SCORED)),
      ruleHits: distinct(items.flatMap((c) => c.ruleHits)),
      assignees: distinct(items.map((c) => c.assignee ?? UNASSIGNED)),
    },
  };
}
