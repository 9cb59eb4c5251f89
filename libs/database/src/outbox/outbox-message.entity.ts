import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message waiting to be published (or already published) to Kafka. Rows are written in
 * the transaction of the change they announce and relayed in id order.
 */
@Entity({ name: 'outbox' })
@Index('IDX_outbox_unpublished', ['id'], { where: 'published_at IS NULL AND failed_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ type: 'jsonb' })
  payload!: object;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  headers!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Set when Kafka refused the row for good (see OutboxRelayService): it is never relayed. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;
}
