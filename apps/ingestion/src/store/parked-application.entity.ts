import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** `waiting` for its company, or `expired`: given up on and sent to a human as incomplete. */
export type ParkedApplicationState = 'waiting' | 'expired';

/**
 * An application that arrived before its company: already stored raw (`applied = false`),
 * waiting here until the company's registration is applied, so arrival order never loses
 * an application (docs/ingestion.md, "Applications before their company"). A released row
 * is deleted; an expired one stays, and is never released even if the company arrives later.
 */
@Entity({ name: 'parked_applications' })
@Index('IDX_parked_applications_company', ['companyId'])
@Index('IDX_parked_applications_waiting', ['parkedAt'], { where: `state = 'waiting'` })
export class ParkedApplicationEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  @Column({ name: 'company_id', type: 'text' })
  companyId!: string;

  /** The validated application event (it holds no personal identifiers). */
  @Column({ type: 'jsonb' })
  event!: object;

  @Column({ name: 'parked_at', type: 'timestamptz' })
  parkedAt!: Date;

  @Column({ type: 'text', default: 'waiting' })
  state!: ParkedApplicationState;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt!: Date | null;

  @Column({ name: 'expiry_reason', type: 'text', nullable: true })
  expiryReason!: string | null;

  /**
   * Expired and announced on `lending.application-incomplete.v1` for a human. An expired
   * application outside the decision window is history: it is not sent to be decided.
   */
  @Column({ type: 'boolean', default: false })
  announced!: boolean;

  /** When the company was finally stored, after this application had expired. */
  @Column({ name: 'company_arrived_at', type: 'timestamptz', nullable: true })
  companyArrivedAt!: Date | null;
}
