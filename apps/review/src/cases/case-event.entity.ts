import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CaseAction =
  | 'CREATED'
  | 'CLAIMED'
  | 'RELEASED'
  | 'REASSIGNED'
  | 'PROPOSED'
  | 'CONFIRMED'
  | 'CONFIRMATION_REFUSED'
  | 'DECIDED'
  | 'COMMENTED'
  | 'REOPENED'
  | 'SLA_BREACHED'
  /** A senior settled the labellers' disagreement on a labelling task of the case. */
  | 'LABEL_ADJUDICATED';

/** One entry of a case's history; append-only (a trigger refuses UPDATE and DELETE). */
@Entity({ name: 'case_events' })
@Index('case_events_case_idx', ['caseId', 'id'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: CaseAction;

  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
