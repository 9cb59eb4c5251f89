import type { AuthenticatedUser } from './authenticated-user';

/**
 * The seam for identity: the local JWT verifier by default, an external IdP (OIDC) later.
 * Resolves to the caller or rejects with an `AuthException`.
 */
export interface TokenVerifier {
  verify(token: string): Promise<AuthenticatedUser>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
