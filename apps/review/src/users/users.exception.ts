import { DomainException } from '@loanmesh/observability';

export type UsersErrorCode =
  'USER_NOT_FOUND' | 'USER_EXISTS' | 'ROLE_UNKNOWN' | 'PASSWORD_WEAK' | 'USERNAME_INVALID' | 'SSO_ACCOUNT';

/** Account administration errors (users CLI); messages name the user or role, never a password. */
export class UsersException extends DomainException {
  declare readonly code: UsersErrorCode;

  static notFound(username: string): UsersException {
    return new UsersException('USER_NOT_FOUND', 'NOT_FOUND', `no user named "${username}"`);
  }

  static exists(username: string): UsersException {
    return new UsersException('USER_EXISTS', 'CONFLICT', `a user named "${username}" already exists`);
  }

  static unknownRole(role: string, known: readonly string[]): UsersException {
    return new UsersException('ROLE_UNKNOWN', 'INVALID', `unknown role "${role}"; one of: ${known.join(', ')}`);
  }

  /** An SSO account signs in at the identity provider only; a local password would be a second way in. */
  static ssoAccount(username: string): UsersException {
    return new UsersException('SSO_ACCOUNT', 'CONFLICT', `"${username}" signs in with SSO and has no password`);
  }

  static weakPassword(why: string): UsersException {
    return new UsersException('PASSWORD_WEAK', 'INVALID', `password refused: ${why}`);
  }

  static invalidUsername(): UsersException {
    return new UsersException(
      'USERNAME_INVALID',
      'INVALID',
      'a user name is 3 to 64 characters: letters, digits, dot, dash, underscore, @',
    );
  }
}
