import { Column } from 'typeorm';

/**
 * Lineage of a current-state row: the event that produced this version, its occurred-at
 * (the ordering rule of unversioned entities) and every event id that changed the row.
 */
export abstract class LineageColumns {
  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'source_event_ids', type: 'text', array: true })
  sourceEventIds!: string[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
