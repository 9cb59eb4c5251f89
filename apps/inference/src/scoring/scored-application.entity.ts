import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { ReasonCode } from '@loanmesh/contracts';

export type ScoreRole = 'champion' | 'challenger';

/** One model's result for one features event; the champion's and the challenger's side by side. */
@Entity({ name: 'scored_applications' })
@Index('UQ_scored_applications_event_role', ['eventId', 'role'], { unique: true })
@Index('IDX_scored_applications_application', ['applicationId'])
export class ScoredApplicationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'application_id', type: 'text' })
  applicationId!: string;

  @Column({ type: 'text' })
  role!: ScoreRole;

  @Column({ name: 'model_version_id', type: 'uuid' })
  modelVersionId!: string;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion!: string;

  @Column({ name: 'probability_of_default', type: 'double precision' })
  probabilityOfDefault!: number;

  @Column({ name: 'risk_grade', type: 'char', length: 1 })
  riskGrade!: string;

  @Column({ type: 'double precision' })
  logit!: number;

  @Column({ type: 'jsonb' })
  reasons!: ReasonCode[];

  @Column({ type: 'boolean' })
  degraded!: boolean;

  @Column({ name: 'degraded_reasons', type: 'jsonb' })
  degradedReasons!: string[];

  @Column({ name: 'scoring_ms', type: 'double precision' })
  scoringMs!: number;

  @Column({ name: 'scored_at', type: 'timestamptz' })
  scoredAt!: Date;

  /** The vector this model scored (missing values as null), for drift; null on rows from before it was kept. */
  @Column({ name: 'feature_vector', type: 'jsonb', nullable: true })
  featureVector!: (number | null)[] | null;
}
