import { verify } from 'node:crypto';

import { z } from 'zod';

import { MAX_CREDENTIAL_TTL_SECONDS, type ServiceCredentialClaims } from './service-credential';
import { ServiceAuthException } from './service-auth.exception';
import type { TrustedServiceKey } from './service-keys';

export interface ServiceCredentialVerifierOptions {
  /** This service's name: a credential must be addressed to it. */
  audience: string;
  trustedKeys: readonly TrustedServiceKey[];
  /** Tolerated clock difference between services, in seconds. */
  clockSkewSeconds: number;
  now?: () => number;
}

const headerSchema = z.object({ alg: z.literal('EdDSA'), kid: z.string().min(1), typ: z.string().optional() });
const claimsSchema = z.object({
  iss: z.string().min(1),
  sub: z.string().min(1).max(256),
  aud: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(1).max(128),
  roles: z.array(z.string().max(64)).max(16).optional(),
});

/**
 * Checks a service credential: a known key id, `alg` EdDSA only, the Ed25519 signature, the
 * key's issuer binding, `aud` equal to this service, and `exp`/`iat` within the clock skew and
 * the maximum lifetime. Every refusal is a 401 naming the reason, never echoing the token.
 */
export class ServiceCredentialVerifier {
  private readonly keys: Map<string, TrustedServiceKey>;
  private readonly now: () => number;

  constructor(private readonly o: ServiceCredentialVerifierOptions) {
    this.keys = new Map(o.trustedKeys.map((k) => [k.keyId, k]));
    this.now = o.now ?? (() => Math.floor(Date.now() / 1000));
  }

  verify(token: string): ServiceCredentialClaims {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) {
      throw malformed();
    }
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = headerSchema.safeParse(decodeJson(headerPart));
    if (!header.success) {
      throw malformed();
    }
    const key = this.keys.get(header.data.kid);
    if (!key) {
      throw new ServiceAuthException(
        'SERVICE_CREDENTIAL_UNKNOWN_KEY',
        'the service credential is signed by an unknown key',
      );
    }
    const signed = verify(
      null,
      Buffer.from(`${headerPart}.${payloadPart}`),
      key.publicKey,
      Buffer.from(signaturePart, 'base64url'),
    );
    if (!signed) {
      throw new ServiceAuthException('SERVICE_CREDENTIAL_BAD_SIGNATURE', 'the service credential signature is invalid');
    }
    const parsed = claimsSchema.safeParse(decodeJson(payloadPart));
    if (!parsed.success) {
      throw malformed();
    }
    const claims = parsed.data;
    if (key.issuer !== undefined && key.issuer !== claims.iss) {
      throw new ServiceAuthException(
        'SERVICE_CREDENTIAL_WRONG_ISSUER',
        'the service credential names an issuer its key may not sign for',
      );
    }
    if (claims.aud !== this.o.audience) {
      throw new ServiceAuthException(
        'SERVICE_CREDENTIAL_WRONG_AUDIENCE',
        `the service credential is not for the ${this.o.audience} service`,
      );
    }
    const now = this.now();
    const skew = this.o.clockSkewSeconds;
    if (claims.exp + skew <= now) {
      throw new ServiceAuthException('SERVICE_CREDENTIAL_EXPIRED', 'the service credential has expired');
    }
    if (claims.iat - skew > now || claims.exp - claims.iat > MAX_CREDENTIAL_TTL_SECONDS || claims.exp <= claims.iat) {
      throw new ServiceAuthException(
        'SERVICE_CREDENTIAL_MALFORMED',
        'the service credential is issued in the future or lives too long',
      );
    }
    return claims;
  }
}

function malformed(): ServiceAuthException {
  return new ServiceAuthException('SERVICE_CREDENTIAL_MALFORMED', 'the service credential is not a valid EdDSA JWS');
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
