import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How a session was established; OIDC sign-in will add its own method. */
export type SignInMethod = 'password' | 'oidc';

/** A signed-in session; access tokens carry its id, and the guard checks it on every request. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('sessions_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  method!: SignInMethod;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The session's absolute end; access tokens are refreshed within it, never past it. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'client_ip', type: 'varchar', length: 64, nullable: true })
  clientIp!: string | null;
}
