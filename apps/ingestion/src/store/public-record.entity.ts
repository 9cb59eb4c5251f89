import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

@Entity({ name: 'public_records' })
@Index('IDX_public_records_subject', ['subjectKind', 'subjectId'])
export class PublicRecordEntity extends LineageColumns {
  @PrimaryColumn({ name: 'record_id', type: 'text' })
  recordId!: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'numeric' })
  amount!: string;

  @Column({ name: 'filed_at', type: 'date' })
  filedAt!: string;

  @Column({ type: 'text' })
  status!: string;
}
