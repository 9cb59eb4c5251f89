import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { Role } from './role';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('users_username_uq', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  /** Null for accounts created by single sign-on: they cannot sign in with a password. */
  @Column({ name: 'password_hash', type: 'varchar', length: 100, nullable: true })
  passwordHash!: string | null;

  /** `<issuer> <subject>` of the identity provider for SSO accounts; null for local accounts. */
  @Column({ name: 'external_subject', type: 'varchar', length: 300, nullable: true })
  externalSubject!: string | null;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set: the account may not sign in and its sessions answer 401 on the next request. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
