import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

export type LoanEventKind = 'REPAYMENT' | 'MISSED' | 'DEFAULT';

/**
 * One fact about a loan, keyed by (loan, kind, installment; 0 for the default), so facts
 * arriving before the disbursement or twice still converge to one row each.
 */
@Entity({ name: 'loan_events' })
@Index('IDX_loan_events_company', ['companyId'])
export class LoanEventEntity extends LineageColumns {
  @PrimaryColumn({ name: 'loan_id', type: 'text' })
  loanId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: LoanEventKind;

  @PrimaryColumn({ name: 'installment_no', type: 'int' })
  installmentNo!: number;

  @Column({ name: 'company_id', type: 'text' })
  companyId!: string;

  @Column({ type: 'numeric' })
  amount!: string;

  /** Paid-at, due-at or defaulted-at, by kind. */
  @Column({ name: 'event_date', type: 'date' })
  eventDate!: string;

  @Column({ name: 'days_past_due', type: 'int', nullable: true })
  daysPastDue!: number | null;
}
