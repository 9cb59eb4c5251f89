export type Role = 'officer' | 'senior_officer' | 'risk_manager' | 'auditor' | 'admin';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  displayName?: string;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

export interface SignInOptions {
  password: boolean;
  sso: boolean;
  ssoLoginUrl?: string;
}

/** What the signed-in user may do, as review decides it (GET /auth/permissions). */
export interface Permissions {
  role: Role;
  permissions: string[];
}
