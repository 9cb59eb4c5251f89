import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per (consumer, producing source, event id) a consumer has applied, with the
 * digest of the content it applied. Written in the same transaction as the effect, so a
 * redelivered event finds its row and is skipped, and another event reusing the id is
 * told apart by its digest.
 */
@Entity({ name: 'inbox' })
export class InboxMessageEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  /** The envelope's `source`; '' on rows recorded before sources were kept (content unknown). */
  @PrimaryColumn({ type: 'text' })
  source!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  /** SHA-256 hex of the event's content (`eventDigest`); null on rows recorded before digests were kept. */
  @Column({ type: 'text', nullable: true })
  digest!: string | null;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
