import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

import { z } from 'zod';

/** What must survive the round trip through the identity provider, and nothing else. */
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch milliseconds after which the callback is refused. */
  expiresAt: number;
}

export const OIDC_TRANSACTION_COOKIE = 'loanmesh_oidc_tx';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals the sign-in transaction into the cookie that carries it from `/auth/oidc/login` to the
 * callback: AES-256-GCM (confidential, and any change makes it unreadable) under a key derived
 * with HKDF from review's JWT secret for this purpose only, so no new secret has to be managed
 * and every replica can open what another sealed.
 */
export class OidcTransactionSealer {
  private readonly key: Buffer;

  constructor(reviewSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', reviewSecret, 'loanmesh-review', 'oidc-transaction-cookie-v1', 32));
  }

  seal(tx: OidcTransaction): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(tx), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The transaction, or undefined when the cookie was altered, sealed under another key or malformed. */
  open(sealed: string): OidcTransaction | undefined {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) {
      return undefined;
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
      return asTransaction(JSON.parse(text.toString('utf8')));
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

function asTransaction(value: unknown): OidcTransaction | undefined {
  const parsed = transactionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
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
