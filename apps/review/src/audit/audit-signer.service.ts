import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';

import type { ReviewConfig } from '../config/review.config';
import { keyIdOf } from './audit-bundle';

/**
 * The audit bundle signing key (Ed25519), behind an adapter so an HSM or KMS can replace
 * it. Without AUDIT_SIGNING_KEY a key is generated at boot: bundles still verify against
 * the public key the service serves, but only for as long as it runs (fine for a demo,
 * never for production).
 */
@Injectable()
export class AuditSignerService {
  private readonly logger = new Logger(AuditSignerService.name);
  private readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly keyId: string;
  readonly ephemeral: boolean;

  constructor(@Inject(APP_CONFIG) config: Pick<ReviewConfig, 'AUDIT_SIGNING_KEY'>) {
    this.ephemeral = config.AUDIT_SIGNING_KEY === undefined;
    this.privateKey = this.ephemeral
      ? generateKeyPairSync('ed25519').privateKey
      : createPrivateKey(config.AUDIT_SIGNING_KEY ?? '');
    this.publicKeyPem = createPublicKey(this.privateKey).export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = keyIdOf(this.publicKeyPem);
    if (this.ephemeral) {
      this.logger.warn({
        msg: 'AUDIT_SIGNING_KEY not set: audit bundles are signed with a key generated at boot',
        keyId: this.keyId,
      });
    }
  }

  /** Base64 Ed25519 signature of the UTF-8 text. */
  sign(text: string): string {
    return sign(null, Buffer.from(text), this.privateKey).toString('base64');
  }
}
