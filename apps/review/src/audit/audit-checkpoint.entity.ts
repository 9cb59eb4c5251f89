import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A checkpoint review published (append-only): one per sequence, whichever replica wrote it. */
@Entity({ name: 'audit_checkpoints' })
export class AuditCheckpointEntity {
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq!: number;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'key_id', type: 'varchar', length: 64 })
  keyId!: string;
}
