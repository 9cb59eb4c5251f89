import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { HopTimes } from '@loanmesh/contracts';

import { CaseEntity } from '../cases/case.entity';
import { DecisionEntity } from '../decisions/decision.entity';
import { IngestionClient, type ParkedWork } from './ingestion.client';
import { percentile } from './percentile';

const LATENCY_SAMPLE = 5000;

export interface DashboardSummary {
  outcomes: { outcome: string; automatic: boolean; count: number }[];
  automationRate: number | null;
  timeToDecisionMs: { p50: number | null; p95: number | null; p99: number | null; sample: number };
  hourly: { hour: string; count: number }[];
  cases: { open: number; awaitingConfirmation: number; decided: number; slaBreached: number };
  overrides: number;
  /** Applications still waiting for their company in ingestion, and those expired to officers. */
  parked: ParkedWork;
}

@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ingestion: IngestionClient,
  ) {}

  async summary(): Promise<DashboardSummary> {
    const decisions = this.dataSource.getRepository(DecisionEntity);
    const [outcomes, hops, hourly, cases, overrides, parked] = await Promise.all([
      decisions
        .createQueryBuilder('d')
        .select(['d.outcome AS outcome', 'd.automatic AS automatic', 'COUNT(*)::int AS count'])
        .groupBy('d.outcome')
        .addGroupBy('d.automatic')
        .getRawMany<{ outcome: string; automatic: boolean; count: number }>(),
      decisions
        .createQueryBuilder('d')
        .select(`d.content -> 'hops'`, 'hops')
        // Pipeline speed: an incomplete application's referral is a timeout, shown as parked work instead.
        .where(`d.automatic = true AND (d.content ->> 'kind') IS DISTINCT FROM 'INCOMPLETE'`)
        .orderBy('d.seq', 'DESC')
        .limit(LATENCY_SAMPLE)
        .getRawMany<{ hops: HopTimes }>(),
      decisions
        .createQueryBuilder('d')
        .select(`to_char(date_trunc('hour', d.decided_at), 'YYYY-MM-DD"T"HH24:00')`, 'hour')
        .addSelect('COUNT(*)::int', 'count')
        .where(`d.decided_at > now() - interval '24 hours'`)
        .groupBy('hour')
        .orderBy('hour')
        .getRawMany<{ hour: string; count: number }>(),
      this.dataSource
        .getRepository(CaseEntity)
        .createQueryBuilder('c')
        .select('c.status', 'status')
        .addSelect('COUNT(*)::int', 'count')
        .addSelect('SUM(CASE WHEN c.sla_breached THEN 1 ELSE 0 END)::int', 'breached')
        .groupBy('c.status')
        .getRawMany<{ status: string; count: number; breached: number }>(),
      decisions.createQueryBuilder('d').where(`d.automatic = false AND (d.content ->> 'override')::boolean`).getCount(),
      this.ingestion.parked(),
    ]);
    const latencies = hops
      .map((h) => (h.hops.decidedAt ?? 0) - (h.hops.submittedAt ?? h.hops.ingestedAt ?? Number.NaN))
      .filter((v) => Number.isFinite(v) && v >= 0);
    const automatic = outcomes.filter((o) => o.automatic);
    const total = automatic.reduce((s, o) => s + o.count, 0);
    const straight = automatic.filter((o) => o.outcome !== 'REFERRED').reduce((s, o) => s + o.count, 0);
    const count = (status: string): number => cases.find((c) => c.status === status)?.count ?? 0;
    return {
      outcomes,
      automationRate: total > 0 ? straight / total : null,
      timeToDecisionMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        sample: latencies.length,
      },
      hourly,
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
}
