import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A disbursed loan and the application it came from, so later repayments and defaults find their label. */
@Entity({ name: 'loan_links' })
@Index('loan_links_application_idx', ['applicationId'])
export class LoanLinkEntity {
  @PrimaryColumn({ name: 'loan_id', type: 'varchar', length: 64 })
  loanId!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 64 })
  applicationId!: string;

  @Column({ name: 'company_id', type: 'varchar', length: 64 })
  companyId!: string;

  @Column({ name: 'term_months', type: 'int' })
  termMonths!: number;

  @Column({ name: 'disbursed_at', type: 'timestamptz' })
  disbursedAt!: Date;
}
