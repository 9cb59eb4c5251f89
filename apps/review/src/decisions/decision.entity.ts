import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { HashVersion } from './decision-chain';

export type DecisionOutcome = 'APPROVED' | 'DECLINED' | 'REFERRED';

/** One decision in the append-only, hash-chained ledger (a trigger refuses UPDATE and DELETE). */
@Entity({ name: 'decisions' })
export class DecisionEntity {
  /** Position in the chain, assigned under the chain-head lock. */
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq!: number;

  @Index('decisions_id_uq', { unique: true })
  @Column({ type: 'uuid' })
  id!: string;

  @Index('decisions_application_idx')
  @Column({ name: 'application_id', type: 'varchar', length: 64 })
  applicationId!: string;

  @Column({ name: 'company_id', type: 'varchar', length: 64 })
  companyId!: string;

  @Column({ type: 'varchar', length: 16 })
  outcome!: DecisionOutcome;

  @Column({ type: 'boolean' })
  automatic!: boolean;

  @Column({ name: 'decided_by', type: 'varchar', length: 64 })
  decidedBy!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  /** Everything needed to explain the decision later (hash version 1 covered only this). */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ name: 'previous_hash', type: 'char', length: 64 })
  previousHash!: string;

  /** Which rule computed `hash` (see decision-chain.ts); 2 covers every column above. */
  @Column({ name: 'hash_version', type: 'smallint' })
  hashVersion!: HashVersion;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
