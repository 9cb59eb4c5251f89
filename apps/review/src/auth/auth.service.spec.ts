import bcrypt from 'bcryptjs';
import type { Repository } from 'typeorm';

import type { ReviewConfig } from '../config/review.config';
import type { SecurityEventDraft, SecurityEventsService } from '../security-events/security-events.service';
import { DUMMY_PASSWORD_HASH } from '../users/password-policy';
import { AuthService } from './auth.service';
import type { LoginThrottleService } from './login-throttle.service';
import type { SessionService } from './session.service';
import type { UserEntity } from './user.entity';

const PASSWORD = 'the-right-password';
const HASH = bcrypt.hashSync(PASSWORD, 4);

function userStub(overrides: Partial<UserEntity> = {}): UserEntity {
  return {
    id: 'u-1',
    username: 'olga',
    passwordHash: HASH,
    externalSubject: null,
    role: 'officer',
    displayName: 'Olga',
    createdAt: new Date(0),
    disabledAt: null,
    ...overrides,
  };
}

describe(AuthService.name, () => {
  let events: SecurityEventDraft[];
  let locked: boolean;
  let stored: UserEntity | null;
  let sut: AuthService;
  const compare = jest.spyOn(bcrypt, 'compare');

  beforeEach(() => {
    events = [];
    locked = false;
    stored = userStub();
    compare.mockClear();
    const users = { findOne: () => Promise.resolve(stored) } as unknown as Repository<UserEntity>;
    const sessions = {
      issue: () => Promise.resolve({ token: 't', expiresAt: 'e', sessionExpiresAt: 's' }),
    } as unknown as SessionService;
    const throttle = {
      activeLock: () => Promise.resolve(locked ? { scope: 'user', retryAfterSeconds: 42 } : undefined),
      recordFailure: () => Promise.resolve({}),
      recordSuccess: () => Promise.resolve(),
    } as unknown as LoginThrottleService;
    const log = { record: (e: SecurityEventDraft) => (events.push(e), Promise.resolve()) } as SecurityEventsService;
    const config = { LOGIN_CONCURRENT_HASHES: 1, LOGIN_HASH_QUEUE: 8, PASSWORD_SIGN_IN: true } as ReviewConfig;
    sut = new AuthService(config, users, sessions, throttle, log);
  });

  it('should open a session and log the sign-in when the password is right', async () => {
    await expect(sut.login('olga', PASSWORD, '10.0.0.1')).resolves.toMatchObject({
      token: 't',
      user: { role: 'officer' },
    });
    expect(events.map((e) => e.type)).toEqual(['SIGN_IN']);
  });

  it('should refuse a password that only matches on the 72 bytes bcrypt reads, after comparing it', async () => {
    const long = 'x'.repeat(72);
    stored = userStub({ passwordHash: bcrypt.hashSync(long, 4) });
    await expect(sut.login('olga', long, '10.0.0.1')).resolves.toMatchObject({ token: 't' });

    await expect(sut.login('olga', `${long}-and-more`, '10.0.0.1')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(compare).toHaveBeenCalledTimes(2);
    expect(events.map((e) => [e.type, e.reason])).toEqual([
      ['SIGN_IN', 'PASSWORD'],
      ['SIGN_IN_FAILED', 'BAD_PASSWORD'],
    ]);
  });

  it('should refuse with 429 and Retry-After without running bcrypt when the name is locked', async () => {
    locked = true;

    await expect(sut.login('olga', PASSWORD, '10.0.0.1')).rejects.toMatchObject({
      code: 'SIGN_IN_THROTTLED',
      kind: 'THROTTLED',
      retryAfterSeconds: 42,
    });
    expect(compare).not.toHaveBeenCalled();
    expect(events).toEqual([expect.objectContaining({ type: 'SIGN_IN_FAILED', reason: 'LOCKED' })]);
  });

  it('should compare against the dummy hash and answer as for a wrong password when the user is unknown', async () => {
    stored = null;

    await expect(sut.login('nobody', PASSWORD, '10.0.0.1')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(compare).toHaveBeenCalledWith(PASSWORD, DUMMY_PASSWORD_HASH);
    expect(events).toEqual([expect.objectContaining({ type: 'SIGN_IN_FAILED', reason: 'UNKNOWN_USER' })]);
  });

  it('should refuse a disabled user with the same answer and log the true reason', async () => {
    stored = userStub({ disabledAt: new Date() });

    await expect(sut.login('olga', PASSWORD, '10.0.0.1')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(events).toEqual([expect.objectContaining({ type: 'SIGN_IN_FAILED', reason: 'DISABLED' })]);
  });
});
