import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type LabelValue = 'APPROVED' | 'DECLINED' | 'DEFAULTED' | 'REPAID';
export type LabelSource = 'OFFICER_DECISION' | 'OUTCOME';

/** A training label: an officer's decision or a later repayment/default outcome. */
@Entity({ name: 'labels' })
@Index('labels_application_idx', ['applicationId'])
export class LabelEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 64 })
  applicationId!: string;

  @Column({ type: 'varchar', length: 16 })
  label!: LabelValue;

  @Column({ type: 'varchar', length: 32 })
  source!: LabelSource;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64 })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'model_version', type: 'varchar', length: 128 })
  modelVersion!: string;

  @Column({ name: 'feature_names', type: 'jsonb' })
  featureNames!: string[];

  @Column({ name: 'feature_vector', type: 'jsonb' })
  featureVector!: number[];
}
