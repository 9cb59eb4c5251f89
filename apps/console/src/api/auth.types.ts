import type { paths } from '@loanmesh/contracts/openapi/review';

type LoginAnswer = paths['/auth/login']['post']['responses'][200]['content']['application/json'];

/** A password or SSO sign-in's answer (described by review's API), kept in sessionStorage. */
export type Session = LoginAnswer;
export type SessionUser = LoginAnswer['user'];
export type Role = SessionUser['role'];

export interface SignInOptions {
  password: boolean;
  sso: boolean;
  ssoLoginUrl?: string;
}

/** What the signed-in user may do, as review decides it (GET /auth/permissions; not yet described in its API). */
export interface Permissions {
  role: Role;
  permissions: string[];
}
