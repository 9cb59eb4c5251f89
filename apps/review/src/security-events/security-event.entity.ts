import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SECURITY_EVENT_TYPES = [
  'SIGN_IN',
  'SIGN_OUT',
  'SIGN_IN_FAILED',
  'LOCKED_OUT',
  'SESSIONS_REVOKED',
  'USER_ADDED',
  'USER_DISABLED',
  'USER_ENABLED',
  'USER_ROLE_CHANGED',
  'USER_PASSWORD_RESET',
  'USER_UNLOCKED',
  'USER_REMOVED',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** Why a sign-in failed; the client always gets the same answer, the log keeps the truth. */
export type SignInFailure =
  | 'BAD_PASSWORD'
  | 'UNKNOWN_USER'
  | 'LOCKED'
  | 'DISABLED'
  | 'THROTTLED_IP'
  /** Single sign-on: the callback's state or transaction cookie did not check out. */
  | 'OIDC_TRANSACTION'
  /** The provider's answer failed validation (code, signature, issuer, audience, nonce). */
  | 'OIDC_REJECTED'
  | 'OIDC_NO_USERNAME'
  | 'OIDC_NO_ROLE'
  /** The user name belongs to a local (password) account, which SSO never takes over. */
  | 'OIDC_LOCAL_ACCOUNT'
  /** The user name belongs to another subject of the provider (a reassigned name). */
  | 'OIDC_SUBJECT_MISMATCH';

/**
 * One row of the append-only security log (a trigger refuses UPDATE, DELETE and TRUNCATE).
 * Personal data is limited to user names and the client address.
 */
@Entity({ name: 'security_events' })
export class SecurityEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Index('security_events_at_idx')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'varchar', length: 32 })
  type!: SecurityEventType;

  /** The account concerned (may be a name that does not exist, for failed sign-ins). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  /** Who acted: the user themselves, an operator of the users CLI (`cli:<os user>`) or `migration`. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  actor!: string | null;

  @Column({ name: 'client_ip', type: 'varchar', length: 64, nullable: true })
  clientIp!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reason!: string | null;

  /** Small structured facts (a role change's from/to, a lock's end); never secrets. */
  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, string | number> | null;
}
