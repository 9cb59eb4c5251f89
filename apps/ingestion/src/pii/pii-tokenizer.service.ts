import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';

import { APP_CONFIG } from '@loanmesh/config';

import { normalizeIdentifier, normalizePhone } from './identifier-normalizer';

/** The part of the app config the tokenizer needs. */
export interface PiiKeyConfig {
  PII_HASH_KEY: string;
}

/**
 * Keyed tokens for personal identifiers (policy in docs/ingestion.md): HMAC-SHA256 with
 * PII_HASH_KEY over the normalized value, first 32 hex characters. Equal identifiers give
 * equal tokens (the graph can match them); without the key a token cannot be reversed or
 * confirmed by hashing guesses.
 */
@Injectable()
export class PiiTokenizerService {
  constructor(@Inject(APP_CONFIG) private readonly config: PiiKeyConfig) {}

  nationalId(value: string): string {
    return this.token('national-id', normalizeIdentifier(value));
  }

  phone(value: string): string {
    return this.token('phone', normalizePhone(value));
  }

  accountNumber(value: string): string {
    return this.token('account', normalizeIdentifier(value));
  }

  private token(kind: string, normalized: string): string {
    return createHmac('sha256', this.config.PII_HASH_KEY).update(`${kind}:${normalized}`).digest('hex').slice(0, 32);
  }
}
