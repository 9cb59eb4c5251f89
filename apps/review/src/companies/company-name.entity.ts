import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A company's registered name as core banking last announced it, for the officers' queue. */
@Entity({ name: 'company_names' })
export class CompanyNameEntity {
  @PrimaryColumn({ name: 'company_id', type: 'varchar', length: 64 })
  companyId!: string;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name!: string;

  /** Core banking's record version: an older update arriving late never overwrites a newer name. */
  @Column({ name: 'version', type: 'int' })
  version!: number;
}
