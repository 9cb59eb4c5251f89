import { Column, Entity, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

@Entity({ name: 'guarantees' })
export class GuaranteeEntity extends LineageColumns {
  @PrimaryColumn({ name: 'guarantee_id', type: 'text' })
  guaranteeId!: string;

  @Column({ name: 'loan_id', type: 'text' })
  loanId!: string;

  @Column({ name: 'borrower_company_id', type: 'text' })
  borrowerCompanyId!: string;

  @Column({ name: 'guarantor_kind', type: 'text' })
  guarantorKind!: string;

  @Column({ name: 'guarantor_id', type: 'text' })
  guarantorId!: string;

  @Column({ type: 'numeric' })
  amount!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;
}
