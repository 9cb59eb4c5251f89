import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ThrottleScope = 'user' | 'ip';

/** Failed sign-ins per user name and per client address in the current window, and any lock. */
@Entity({ name: 'login_throttle' })
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  scope!: ThrottleScope;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key!: string;

  @Column({ type: 'int' })
  failures!: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
