import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An application stored but not announced for decision because it was submitted before the
 * decision window (APPLICATION_DECISION_WINDOW_HOURS): history, recorded so the accounting
 * can tell it from an application still on its way to a decision.
 */
@Entity({ name: 'history_applications' })
export class HistoryApplicationEntity {
  @PrimaryColumn({ name: 'application_id', type: 'text' })
  applicationId!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
