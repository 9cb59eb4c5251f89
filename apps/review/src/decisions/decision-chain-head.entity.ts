import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row: the last link of the chain; locked FOR UPDATE to append in order. */
@Entity({ name: 'decision_chain_head' })
export class DecisionChainHeadEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ name: 'last_seq', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  lastSeq!: number;

  @Column({ name: 'last_hash', type: 'char', length: 64 })
  lastHash!: string;
}
