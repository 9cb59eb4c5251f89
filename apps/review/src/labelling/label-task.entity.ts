import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

import type { LabelKind, LabelSubject } from './label-kind';

export type LabelTaskStatus = 'OPEN' | 'NEEDS_ADJUDICATION' | 'AGREED' | 'ADJUDICATED';

/** A sample to label: one kind of question about one case, answered by several labellers. */
@Entity({ name: 'label_tasks' })
@Index('label_tasks_status_idx', ['status'])
@Index('label_tasks_case_idx', ['caseId'])
export class LabelTaskEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 64 })
  applicationId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: LabelKind;

  @Column({ type: 'jsonb' })
  subject!: LabelSubject;

  /** Fixed when the task is created, so a later configuration change does not reopen it. */
  @Column({ name: 'required_labellers', type: 'int' })
  requiredLabellers!: number;

  @Column({ type: 'varchar', length: 24 })
  status!: LabelTaskStatus;

  @Column({ name: 'final_value', type: 'varchar', length: 64, nullable: true })
  finalValue!: string | null;

  @Column({ name: 'adjudicated_by', type: 'varchar', length: 64, nullable: true })
  adjudicatedBy!: string | null;

  @Column({ name: 'adjudicated_at', type: 'timestamptz', nullable: true })
  adjudicatedAt!: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  revision!: number;
}
