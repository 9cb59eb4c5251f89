import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

import { z } from 'zod';

import { ROLES } from '../role';

/** What must survive the round trip through the identity provider, and nothing else. */
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch milliseconds after which the callback is refused. */
  expiresAt: number;
}

/** A finished sign-in waiting for the console to collect it (what `POST /auth/login` answers). */
export interface OidcResult {
  token: string;
  expiresAt: string;
  sessionExpiresAt: string;
  user: { id: string; username: string; role: (typeof ROLES)[number]; displayName: string };
  /** Epoch milliseconds after which it cannot be collected. */
  collectBy: number;
}

export const OIDC_TRANSACTION_COOKIE = 'loanmesh_oidc_tx';
export const OIDC_RESULT_COOKIE = 'loanmesh_oidc_result';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a value into a cookie: AES-256-GCM (confidential, and any change makes it unreadable)
 * under a key derived with HKDF from review's JWT secret for one purpose only, so no new secret
 * has to be managed, every replica can open what another sealed, and a cookie of one purpose
 * never opens as another.
 */
class CookieSealer<T> {
  private readonly key: Buffer;

  constructor(
    reviewSecret: string,
    purpose: string,
    private readonly schema: z.ZodType<T>,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', reviewSecret, 'loanmesh-review', purpose, 32));
  }

  seal(value: T): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The value, or undefined when the cookie was altered, sealed under another key or purpose, or malformed. */
  open(sealed: string): T | undefined {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) {
      return undefined;
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
      const parsed = this.schema.safeParse(JSON.parse(text.toString('utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}

const transactionSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  expiresAt: z.number(),
});

const resultSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  sessionExpiresAt: z.string(),
  user: z.object({ id: z.string(), username: z.string(), role: z.enum(ROLES), displayName: z.string() }),
  collectBy: z.number(),
});

/** The sign-in transaction, from `/auth/oidc/login` to the callback. */
export class OidcTransactionSealer extends CookieSealer<OidcTransaction> {
  constructor(reviewSecret: string) {
    super(reviewSecret, 'oidc-transaction-cookie-v1', transactionSchema);
  }
}

/** The finished sign-in, from the callback to the console's `POST /auth/oidc/session`. */
export class OidcResultSealer extends CookieSealer<OidcResult> {
  constructor(reviewSecret: string) {
    super(reviewSecret, 'oidc-result-cookie-v1', resultSchema);
  }
}

/** One cookie's value from a Cookie header (no cookie parser is mounted in review). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return part.slice(eq + 1).trim();
    }
  }
  return undefined;
}
