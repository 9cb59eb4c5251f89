/** Header every internal HTTP call carries its service credential in (a compact JWS). */
export const SERVICE_CREDENTIAL_HEADER = 'x-service-credential';

/** Credentials live at most this long whatever the issuer asked for: a stolen one is worth little. */
export const MAX_CREDENTIAL_TTL_SECONDS = 300;

/** The claims of a service credential (a JWT signed with Ed25519, `alg: EdDSA`). */
export interface ServiceCredentialClaims {
  /** The calling service (`review`, `operator`, `tools`). */
  iss: string;
  /** Who acts: the signed-in user for review's calls on behalf of a person, else the service. */
  sub: string;
  /** The one service the credential is for. */
  aud: string;
  iat: number;
  exp: number;
  jti: string;
  /** The acting user's roles, when a person acts. */
  roles?: string[];
}

/** What a caller asks the issuer for. */
export interface CredentialRequest {
  audience: string;
  /** Defaults to the issuing service itself. */
  subject?: string;
  roles?: string[];
}
