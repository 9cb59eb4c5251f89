import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { PolicyRules } from './policy-rules.schema';

export type PolicyStatus = 'DRAFT' | 'ACTIVE' | 'RETIRED';

/** One version of the decision policy; a draft by a maker, activated by a different checker. */
@Entity({ name: 'policy_versions' })
@Index('policy_one_active_uq', ['status'], { unique: true, where: `status = 'ACTIVE'` })
export class PolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('policy_version_uq', { unique: true })
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: PolicyStatus;

  @Column({ type: 'jsonb' })
  rules!: PolicyRules;

  @Column({ type: 'varchar', length: 500 })
  note!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'activated_by', type: 'varchar', length: 64, nullable: true })
  activatedBy!: string | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;
}
