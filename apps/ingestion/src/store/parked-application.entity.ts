import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An application that arrived before its company: already stored raw (`applied = false`),
 * waiting here until the company's registration is applied, so arrival order never loses
 * an application (docs/ingestion.md, "Applications before their company").
 */
@Entity({ name: 'parked_applications' })
@Index('IDX_parked_applications_company', ['companyId'])
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
}
