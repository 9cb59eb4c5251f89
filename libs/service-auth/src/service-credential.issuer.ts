import { randomUUID, sign, type KeyObject } from 'node:crypto';

import {
  type CredentialRequest,
  MAX_CREDENTIAL_TTL_SECONDS,
  SERVICE_CREDENTIAL_HEADER,
  type ServiceCredentialClaims,
} from './service-credential';

export interface ServiceCredentialIssuerOptions {
  /** This service's name, the credential's `iss`. */
  issuer: string;
  keyId: string;
  privateKey: KeyObject;
  ttlSeconds: number;
  /** Seconds since the epoch; injectable for tests. */
  now?: () => number;
}

/** Signs short-lived service credentials (compact JWS, Ed25519) for calls to other services. */
export class ServiceCredentialIssuer {
  private readonly now: () => number;

  constructor(private readonly o: ServiceCredentialIssuerOptions) {
    if (o.ttlSeconds < 1 || o.ttlSeconds > MAX_CREDENTIAL_TTL_SECONDS) {
      throw new Error(`a service credential lives 1 to ${MAX_CREDENTIAL_TTL_SECONDS} s`);
    }
    this.now = o.now ?? (() => Math.floor(Date.now() / 1000));
  }

  get issuer(): string {
    return this.o.issuer;
  }

  issue(request: CredentialRequest): string {
    const iat = this.now();
    const claims: ServiceCredentialClaims = {
      iss: this.o.issuer,
      sub: request.subject ?? this.o.issuer,
      aud: request.audience,
      iat,
      exp: iat + this.o.ttlSeconds,
      jti: randomUUID(),
      ...(request.roles ? { roles: request.roles } : {}),
    };
    return signCompact({ alg: 'EdDSA', typ: 'JWT', kid: this.o.keyId }, claims, this.o.privateKey);
  }

  /** The request header carrying a fresh credential for `audience`. */
  headers(request: CredentialRequest): Record<string, string> {
    return { [SERVICE_CREDENTIAL_HEADER]: this.issue(request) };
  }
}

/** `base64url(header).base64url(payload).base64url(Ed25519 signature)`; exported for tests that forge. */
export function signCompact(header: object, payload: object, key: KeyObject): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`;
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64url');
}
