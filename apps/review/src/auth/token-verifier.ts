import type { AuthenticatedUser } from './authenticated-user';

/** A caller whose token and session were checked: the user as the users table says now. */
export interface VerifiedCaller {
  user: AuthenticatedUser;
  sessionId: string;
}

/**
 * The seam for identity: local sessions now; an OIDC sign-in will issue the same sessions.
 * Resolves to the caller or rejects with an `AuthException`.
 */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedCaller>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
