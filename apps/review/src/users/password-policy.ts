import { randomBytes } from 'node:crypto';

import bcrypt from 'bcryptjs';

import { UsersException } from './users.exception';

export const MIN_PASSWORD_LENGTH = 12;
/** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
export const MAX_PASSWORD_BYTES = 72;
/** About 240 ms per hash with bcryptjs on this hardware: slow for guessing, bearable per sign-in. */
export const BCRYPT_COST = 11;

/**
 * A hash of a random password nobody knows, at the same cost, compared against when the user
 * is unknown so that an unknown name takes as long as a wrong password.
 */
export const DUMMY_PASSWORD_HASH = '$2b$11$O2/HCOdyafI3FOczhozPYeJUlAoEMFkYdBgxnw9JSAm/80zGA0.XO';

export function assertAcceptablePassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw UsersException.weakPassword(`at least ${MIN_PASSWORD_LENGTH} characters are required`);
  }
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw UsersException.weakPassword(`at most ${MAX_PASSWORD_BYTES} bytes are read by bcrypt`);
  }
}

/** A random password of 24 URL-safe characters (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export function hashPassword(password: string): Promise<string> {
  assertAcceptablePassword(password);
  return bcrypt.hash(password, BCRYPT_COST);
}
