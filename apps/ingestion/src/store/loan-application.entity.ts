import { Column, Entity, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

@Entity({ name: 'loan_applications' })
export class LoanApplicationEntity extends LineageColumns {
  @PrimaryColumn({ name: 'application_id', type: 'text' })
  applicationId!: string;

  @Column({ name: 'company_id', type: 'text' })
  companyId!: string;

  @Column({ type: 'numeric' })
  amount!: string;

  @Column({ name: 'term_months', type: 'int' })
  termMonths!: number;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'jsonb' })
  guarantors!: { kind: 'person' | 'company'; id: string }[];
}
