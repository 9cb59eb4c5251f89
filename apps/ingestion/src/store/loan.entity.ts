import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

/** A disbursed loan; its repayments, missed payments and default are `LoanEventEntity` rows. */
@Entity({ name: 'loans' })
@Index('IDX_loans_company', ['companyId'])
export class LoanEntity extends LineageColumns {
  @PrimaryColumn({ name: 'loan_id', type: 'text' })
  loanId!: string;

  @Column({ name: 'application_id', type: 'text', nullable: true })
  applicationId!: string | null;

  @Column({ name: 'company_id', type: 'text' })
  companyId!: string;

  @Column({ type: 'numeric' })
  amount!: string;

  @Column({ name: 'term_months', type: 'int' })
  termMonths!: number;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'interest_rate', type: 'numeric' })
  interestRate!: string;

  @Column({ name: 'disbursed_at', type: 'date' })
  disbursedAt!: string;

  @Column({ name: 'maturity_at', type: 'date' })
  maturityAt!: string;
}
