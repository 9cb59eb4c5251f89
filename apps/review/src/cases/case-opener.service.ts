import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';
import { MetricsService } from '@loanmesh/observability';

import type { ReviewConfig } from '../config/review.config';
import type { PolicyEvaluation } from '../policy/decision-policy.evaluator';
import { CaseEventEntity } from './case-event.entity';
import type { CaseSnapshot } from './case-snapshot';
import { CaseEntity } from './case.entity';

/** A referred application's case input. */
export interface Referral {
  snapshot: CaseSnapshot;
  evaluation: PolicyEvaluation;
}

/** Turns a referred application into a case, inside the transaction of its automatic decision. */
@Injectable()
export class CaseOpenerService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
    private readonly metrics: MetricsService,
  ) {}

  async open(
    manager: EntityManager,
    snapshot: CaseSnapshot,
    evaluation: PolicyEvaluation,
    now: Date,
  ): Promise<CaseEntity> {
    const [saved] = await this.openMany(manager, [{ snapshot, evaluation }], now);
    return saved;
  }

  /** A group of referrals decided in one transaction: one insert for the cases, one for their histories. */
  async openMany(manager: EntityManager, referrals: readonly Referral[], now: Date): Promise<CaseEntity[]> {
    if (referrals.length === 0) {
      return [];
    }
    const rows = referrals.map((r) => this.caseRow(manager, r, now));
    const inserted = await manager.insert(CaseEntity, rows);
    const saved = rows.map((row, k) => Object.assign(row, inserted.generatedMaps[k]));
    await manager.insert(
      CaseEventEntity,
      saved.map((row, k) => ({
        caseId: row.id,
        action: 'CREATED' as const,
        actor: 'policy',
        details: {
          ruleHits: referrals[k].snapshot.ruleHits.map((h) => h.code),
          fourEyesReasons: row.fourEyesReasons,
          policyVersion: referrals[k].snapshot.policyVersion,
        },
        at: now,
      })),
    );
    this.metrics
      .counter('loanmesh_review_cases_opened_total', 'Referred applications that became cases')
      .inc(saved.length);
    return saved;
  }

  private caseRow(manager: EntityManager, { snapshot, evaluation }: Referral, now: Date): CaseEntity {
    const amount = snapshot.application.amount;
    const fourEyesReasons = [...evaluation.fourEyes.reasons];
    if (amount > this.config.FOUR_EYES_AMOUNT && !fourEyesReasons.some((r) => r.startsWith('amount'))) {
      fourEyesReasons.push(`amount above ${this.config.FOUR_EYES_AMOUNT}`);
    }
    return manager.create(CaseEntity, {
      applicationId: snapshot.application.applicationId,
      companyId: snapshot.application.companyId,
      status: 'OPEN',
      assignee: null,
      amount,
      probabilityOfDefault: snapshot.champion?.probabilityOfDefault ?? null,
      riskGrade: snapshot.champion?.riskGrade ?? null,
      modelRecommendation: evaluation.modelRecommendation,
      fourEyesRequired: fourEyesReasons.length > 0,
      fourEyesReasons,
      slaDeadline: new Date(now.getTime() + this.config.REVIEW_SLA_MINUTES * 60000),
      slaBreached: false,
      proposal: null,
      outcome: null,
      decidedAt: null,
      snapshot,
      createdAt: now,
    });
  }
}
