import { Column, Entity, PrimaryColumn } from 'typeorm';

import { LineageColumns } from './lineage.columns';

/** Current state of a person; national id and phone exist here only as keyed tokens. */
@Entity({ name: 'persons' })
export class PersonEntity extends LineageColumns {
  @PrimaryColumn({ name: 'person_id', type: 'text' })
  personId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'national_id_token', type: 'char', length: 32 })
  nationalIdToken!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ name: 'birth_year', type: 'int' })
  birthYear!: number;

  @Column({ name: 'address_key', type: 'text' })
  addressKey!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text' })
  postcode!: string;

  @Column({ name: 'phone_token', type: 'char', length: 32 })
  phoneToken!: string;
}
