import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per (consumer, event id) a consumer has applied. Written in the same
 * transaction as the effect, so a redelivered event finds its row and is skipped.
 */
@Entity({ name: 'inbox' })
export class InboxMessageEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
