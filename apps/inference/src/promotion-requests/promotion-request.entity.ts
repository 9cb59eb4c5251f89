import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { PromotionTarget } from '../registry/model-state';

/** A risk manager's request to move a model version (the maker's half; append-only). */
@Entity({ name: 'model_promotion_requests' })
@Index('IDX_model_promotion_requests_model', ['modelVersionId'])
export class PromotionRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'model_version_id', type: 'uuid' })
  modelVersionId!: string;

  @Column({ name: 'to_state', type: 'text' })
  toState!: PromotionTarget;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'text' })
  reason!: string;
}

/** The checker's half: at most one per request, by someone other than the maker. */
@Entity({ name: 'model_promotion_approvals' })
export class PromotionApprovalEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'approved_by', type: 'text' })
  approvedBy!: string;

  @Column({ name: 'approved_at', type: 'timestamptz' })
  approvedAt!: Date;
}
