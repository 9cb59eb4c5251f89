import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Operator copy of a dead letter (code and reason, never the bytes), filled from the
 * dead-letter topic and keyed by the original position so re-dead-lettering after a
 * crash counts once.
 */
@Entity({ name: 'dead_letters' })
@Index('IDX_dead_letters_code', ['code'])
export class DeadLetterEntity {
  @PrimaryColumn({ name: 'original_topic', type: 'text' })
  originalTopic!: string;

  @PrimaryColumn({ name: 'original_partition', type: 'int' })
  originalPartition!: number;

  @PrimaryColumn({ name: 'original_offset', type: 'bigint' })
  originalOffset!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** Read from the record's bytes when they show it (even truncated JSON usually does). */
  @Column({ name: 'event_type', type: 'text', nullable: true })
  eventType!: string | null;

  @Column({ name: 'application_id', type: 'text', nullable: true })
  applicationId!: string | null;

  @Column({ name: 'dead_lettered_at', type: 'timestamptz' })
  deadLetteredAt!: Date;
}
