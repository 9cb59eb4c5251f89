import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type WatchlistStatus = 'OPEN' | 'ACKNOWLEDGED';
/** PENDING until the re-score ran; UNAVAILABLE with a reason when it could not (no decision, a service away). */
export type RescoreStatus = 'PENDING' | 'DONE' | 'UNAVAILABLE';

/** A live loan whose network worsened: one row per early-warning alertId (Watchlist1765300000000). */
@Entity({ name: 'watchlist' })
export class WatchlistEntryEntity {
  /** bigserial: the driver gives it as text. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'alert_id', type: 'varchar', length: 200 })
  alertId!: string;

  @Column({ name: 'loan_id', type: 'varchar', length: 64 })
  loanId!: string;

  @Column({ name: 'company_id', type: 'varchar', length: 64 })
  companyId!: string;

  @Column({ name: 'trigger_company_id', type: 'varchar', length: 64 })
  triggerCompanyId!: string;

  @Column({ name: 'defaulted_at', type: 'date' })
  defaultedAt!: string;

  @Column({ type: 'int' })
  hops!: number;

  @Column({ type: 'jsonb' })
  path!: string[];

  @Column({ type: 'jsonb' })
  relationships!: string[];

  @Column({ name: 'application_id', type: 'varchar', length: 64, nullable: true })
  applicationId!: string | null;

  @Column({ name: 'old_pd', type: 'double precision', nullable: true })
  oldPd!: number | null;

  @Column({ name: 'new_pd', type: 'double precision', nullable: true })
  newPd!: number | null;

  @Column({ name: 'rescore_status', type: 'varchar', length: 16, default: 'PENDING' })
  rescoreStatus!: RescoreStatus;

  @Column({ name: 'rescore_reason', type: 'text', nullable: true })
  rescoreReason!: string | null;

  @Column({ name: 'rescored_at', type: 'timestamptz', nullable: true })
  rescoredAt!: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status!: WatchlistStatus;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 64, nullable: true })
  acknowledgedBy!: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
