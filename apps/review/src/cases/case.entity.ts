import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

import type { PolicyOutcome } from '../policy/policy-rules.schema';
import type { CaseSnapshot } from './case-snapshot';

export type CaseStatus = 'OPEN' | 'CLAIMED' | 'AWAITING_CONFIRMATION' | 'DECIDED';
export type HumanOutcome = 'APPROVED' | 'DECLINED';

export interface ProposedDecision {
  outcome: HumanOutcome;
  reasonCode: string;
  note: string;
  proposedBy: string;
  proposedAt: string;
}

/** A referred application under human review. */
@Entity({ name: 'cases' })
@Index('cases_status_idx', ['status'])
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('cases_application_uq', { unique: true })
  @Column({ name: 'application_id', type: 'varchar', length: 64 })
  applicationId!: string;

  @Column({ name: 'company_id', type: 'varchar', length: 64 })
  companyId!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  assignee!: string | null;

  @Column({ type: 'double precision' })
  amount!: number;

  /** Null when the application was never scored (see CaseSnapshot.incomplete). */
  @Column({ name: 'probability_of_default', type: 'double precision', nullable: true })
  probabilityOfDefault!: number | null;

  @Column({ name: 'risk_grade', type: 'char', length: 1, nullable: true })
  riskGrade!: string | null;

  /** REFER when there was no score: no clear recommendation, so no human outcome is an override. */
  @Column({ name: 'model_recommendation', type: 'varchar', length: 16 })
  modelRecommendation!: PolicyOutcome;

  @Column({ name: 'four_eyes_required', type: 'boolean' })
  fourEyesRequired!: boolean;

  @Column({ name: 'four_eyes_reasons', type: 'jsonb' })
  fourEyesReasons!: string[];

  @Column({ name: 'sla_deadline', type: 'timestamptz' })
  slaDeadline!: Date;

  @Column({ name: 'sla_breached', type: 'boolean', default: false })
  slaBreached!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  proposal!: ProposedDecision | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: HumanOutcome | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'jsonb' })
  snapshot!: CaseSnapshot;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  revision!: number;
}
