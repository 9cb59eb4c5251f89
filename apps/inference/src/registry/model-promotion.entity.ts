import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { ModelState } from './model-state';

/** Append-only log of state changes: who moved which model from what to what, and when. */
@Entity({ name: 'model_promotions' })
@Index('IDX_model_promotions_model', ['modelVersionId'])
export class ModelPromotionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'model_version_id', type: 'uuid' })
  modelVersionId!: string;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState!: ModelState | null;

  @Column({ name: 'to_state', type: 'text' })
  toState!: ModelState;

  @Column({ name: 'promoted_by', type: 'text' })
  promotedBy!: string;

  @Column({ name: 'promoted_at', type: 'timestamptz' })
  promotedAt!: Date;

  @Column({ type: 'text' })
  note!: string;
}
