import { Column, Entity, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

/** Director, shareholder and supplier relations, one row per (kind, from, to). */
@Entity({ name: 'party_links' })
export class PartyLinkEntity extends LineageColumns {
  @PrimaryColumn({ type: 'text' })
  kind!: 'DIRECTOR' | 'SHAREHOLDER' | 'SUPPLIER';

  @PrimaryColumn({ name: 'from_kind', type: 'text' })
  fromKind!: string;

  @PrimaryColumn({ name: 'from_id', type: 'text' })
  fromId!: string;

  @PrimaryColumn({ name: 'to_id', type: 'text' })
  toId!: string;

  @Column({ type: 'jsonb' })
  attributes!: Record<string, unknown>;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;
}
