import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CaseEntity } from '../cases/case.entity';
import { DecisionEntity } from '../decisions/decision.entity';
import { IngestionClient, type ParkedWork } from './ingestion.client';
import { type WindowDecision, type WindowFigures, windowFigures } from './dashboard-window';

/** Most decisions the window reads; beyond it the figures cover the latest ones. */
const WINDOW_LIMIT = 50_000;
export const WINDOW_HOURS = [1, 6, 24, 168] as const;
export type WindowHours = (typeof WINDOW_HOURS)[number];
/** Buckets of the charts: 5 min in the last hour, 30 min in 6 h, 1 h in a day, 6 h in a week. */
const BUCKET_MINUTES: Record<WindowHours, number> = { 1: 5, 6: 30, 24: 60, 168: 360 };

export interface DashboardSummary extends WindowFigures {
  window: { from: string; to: string; hours: WindowHours; bucketMinutes: number };
  cases: { open: number; awaitingConfirmation: number; decided: number; slaBreached: number };
  overrides: number;
  /** Applications still waiting for their company in ingestion, and those expired to officers. */
  parked: ParkedWork;
}

interface WindowRow {
  decidedAt: Date;
  outcome: string;
  automatic: boolean;
  submittedAt: string | null;
  decidedAtHop: string | null;
  kind: string | null;
  ruleHits: { code: string }[] | null;
}

@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ingestion: IngestionClient,
  ) {}

  async summary(hours: WindowHours, now = new Date()): Promise<DashboardSummary> {
    const to = now.getTime();
    const from = to - hours * 3_600_000;
    const [rows, cases, overrides, parked] = await Promise.all([
      this.windowRows(new Date(from)),
      this.dataSource
        .getRepository(CaseEntity)
        .createQueryBuilder('c')
        .select('c.status', 'status')
        .addSelect('COUNT(*)::int', 'count')
        .addSelect('SUM(CASE WHEN c.sla_breached THEN 1 ELSE 0 END)::int', 'breached')
        .groupBy('c.status')
        .getRawMany<{ status: string; count: number; breached: number }>(),
      this.dataSource
        .getRepository(DecisionEntity)
        .createQueryBuilder('d')
        .where(`d.automatic = false AND (d.content ->> 'override')::boolean AND d.decided_at >= :from`, {
          from: new Date(from),
        })
        .getCount(),
      this.ingestion.parked(),
    ]);
    const decisions: WindowDecision[] = rows.map((r) => ({
      decidedAt: new Date(r.decidedAt),
      outcome: r.outcome,
      automatic: r.automatic,
      submittedAt: r.submittedAt === null ? null : Number(r.submittedAt),
      decidedAtHop: r.decidedAtHop === null ? null : Number(r.decidedAtHop),
      incomplete: r.kind === 'INCOMPLETE',
      ruleHits: (r.ruleHits ?? []).map((h) => h.code),
    }));
    const count = (status: string): number => cases.find((c) => c.status === status)?.count ?? 0;
    return {
      window: {
        from: new Date(from).toISOString(),
        to: now.toISOString(),
        hours,
        bucketMinutes: BUCKET_MINUTES[hours],
      },
      ...windowFigures(decisions, from, to, BUCKET_MINUTES[hours] * 60_000),
      cases: {
        open: count('OPEN') + count('CLAIMED'),
        awaitingConfirmation: count('AWAITING_CONFIRMATION'),
        decided: count('DECIDED'),
        slaBreached: cases.reduce((s, c) => s + c.breached, 0),
      },
      overrides,
      parked,
    };
  }

  private windowRows(from: Date): Promise<WindowRow[]> {
    return this.dataSource
      .getRepository(DecisionEntity)
      .createQueryBuilder('d')
      .select('d.decided_at', 'decidedAt')
      .addSelect('d.outcome', 'outcome')
      .addSelect('d.automatic', 'automatic')
      .addSelect(`d.content -> 'hops' ->> 'submittedAt'`, 'submittedAt')
      .addSelect(`d.content -> 'hops' ->> 'decidedAt'`, 'decidedAtHop')
      .addSelect(`d.content ->> 'kind'`, 'kind')
      .addSelect(`d.content -> 'ruleHits'`, 'ruleHits')
      .where('d.decided_at >= :from', { from })
      .orderBy('d.seq', 'DESC')
      .limit(WINDOW_LIMIT)
      .getRawMany<WindowRow>();
  }
}
