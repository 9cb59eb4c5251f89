import { Column, Entity, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

/** A bank account; the account number is stored only as a keyed token. */
@Entity({ name: 'accounts' })
export class AccountEntity extends LineageColumns {
  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId!: string;

  @Column({ name: 'owner_kind', type: 'text' })
  ownerKind!: string;

  @Column({ name: 'owner_id', type: 'text' })
  ownerId!: string;

  @Column({ name: 'account_token', type: 'char', length: 32 })
  accountToken!: string;

  @Column({ name: 'opened_at', type: 'date' })
  openedAt!: string;
}
