import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A record whose event id was already stored from another offset. Keyed by position, so
 * a redelivery of the same record after a crash is not counted twice.
 */
@Entity({ name: 'duplicate_deliveries' })
export class DuplicateDeliveryEntity {
  @PrimaryColumn({ type: 'text' })
  topic!: string;

  @PrimaryColumn({ name: 'kafka_partition', type: 'int' })
  kafkaPartition!: number;

  @PrimaryColumn({ name: 'kafka_offset', type: 'bigint' })
  kafkaOffset!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
