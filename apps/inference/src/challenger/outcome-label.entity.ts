import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The observed outcome of a scored application (defaulted or not), for AUC on live traffic. */
@Entity({ name: 'outcome_labels' })
export class OutcomeLabelEntity {
  @PrimaryColumn({ name: 'application_id', type: 'text' })
  applicationId!: string;

  @Column({ type: 'boolean' })
  defaulted!: boolean;

  @Column({ name: 'labelled_by', type: 'text' })
  labelledBy!: string;

  @Column({ name: 'labelled_at', type: 'timestamptz' })
  labelledAt!: Date;
}
