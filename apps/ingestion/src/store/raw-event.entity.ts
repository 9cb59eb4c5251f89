import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Append-only record of every accepted event, personal identifiers already tokenized.
 * `applied` is false for a late event that did not change current state.
 */
@Entity({ name: 'raw_events' })
export class RawEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  /** The envelope's `source`: an event id is unique per producer only. */
  @PrimaryColumn({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'schema_version', type: 'int' })
  schemaVersion!: number;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'kafka_partition', type: 'int' })
  kafkaPartition!: number;

  @Column({ name: 'kafka_offset', type: 'bigint' })
  kafkaOffset!: string;

  @Column({ name: 'message_key', type: 'text', nullable: true })
  messageKey!: string | null;

  @Column({ type: 'boolean' })
  applied!: boolean;

  @Column({ type: 'jsonb' })
  event!: object;
}
