import { Column, Entity, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

/** Monthly money flow between two accounts; a re-sent month replaces the older summary. */
@Entity({ name: 'transaction_flows' })
export class TransactionFlowEntity extends LineageColumns {
  @PrimaryColumn({ name: 'from_account_id', type: 'text' })
  fromAccountId!: string;

  @PrimaryColumn({ name: 'to_account_id', type: 'text' })
  toAccountId!: string;

  @PrimaryColumn({ type: 'text' })
  month!: string;

  @Column({ type: 'int' })
  count!: number;

  @Column({ name: 'total_amount', type: 'numeric' })
  totalAmount!: string;
}
