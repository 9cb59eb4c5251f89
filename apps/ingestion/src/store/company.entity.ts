import { Column, Entity, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

/** Current state of a company; replaced only by a higher `version`. The phone is a token. */
@Entity({ name: 'companies' })
export class CompanyEntity extends LineageColumns {
  @PrimaryColumn({ name: 'company_id', type: 'text' })
  companyId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber!: string;

  @Column({ name: 'registered_at', type: 'date' })
  registeredAt!: string;

  @Column({ name: 'registered_capital', type: 'numeric' })
  registeredCapital!: string;

  @Column({ name: 'legal_form', type: 'text' })
  legalForm!: string;

  @Column({ name: 'industry_code', type: 'text' })
  industryCode!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'int' })
  employees!: number;

  @Column({ name: 'annual_revenue', type: 'numeric' })
  annualRevenue!: string;

  @Column({ type: 'jsonb' })
  financials!: { totalAssets: number; totalLiabilities: number; netProfit: number; currentRatio: number };

  @Column({ name: 'address_key', type: 'text' })
  addressKey!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text' })
  postcode!: string;

  @Column({ name: 'phone_token', type: 'char', length: 32 })
  phoneToken!: string;
}
