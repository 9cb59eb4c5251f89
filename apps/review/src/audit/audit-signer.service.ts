import { createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';

import type { ReviewConfig } from '../config/review.config';
import { DEV_AUDIT_KEY_ID, devSigningKey, keyIdOf, type PinnedKeys } from './audit-keys';

type SignerConfig = Pick<ReviewConfig, 'AUDIT_SIGNING_KEY' | 'AUDIT_SIGNING_KEY_ID' | 'AUDIT_VERIFY_KEYS'>;

/**
 * The audit signing key (Ed25519) with its key id, behind an adapter so an HSM or KMS can
 * replace it, and the keys signatures are verified against: the current one and the
 * rotated-out ones of AUDIT_VERIFY_KEYS. Without AUDIT_SIGNING_KEY a deterministic local
 * development key signs (key id `local-dev-insecure`): stable across replicas and restarts,
 * worthless as proof.
 */
@Injectable()
export class AuditSignerService {
  private readonly logger = new Logger(AuditSignerService.name);
  private readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly keyId: string;
  readonly devKey: boolean;
  readonly verifyKeys: PinnedKeys;

  constructor(@Inject(APP_CONFIG) config: SignerConfig) {
    this.devKey = config.AUDIT_SIGNING_KEY === undefined;
    this.privateKey = this.devKey ? devSigningKey() : createPrivateKey(config.AUDIT_SIGNING_KEY ?? '');
    this.publicKeyPem = createPublicKey(this.privateKey).export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = this.devKey ? DEV_AUDIT_KEY_ID : (config.AUDIT_SIGNING_KEY_ID ?? keyIdOf(this.publicKeyPem));
    this.verifyKeys = new Map([
      ...(config.AUDIT_VERIFY_KEYS ?? new Map<string, string>()),
      [this.keyId, this.publicKeyPem],
    ]);
    if (this.devKey) {
      this.logger.warn({
        msg: 'AUDIT_SIGNING_KEY not set: audit bundles and checkpoints are signed with the public local development key',
        keyId: this.keyId,
      });
    }
  }

  /** Base64 Ed25519 signature of the UTF-8 text. */
  sign(text: string): string {
    return sign(null, Buffer.from(text), this.privateKey).toString('base64');
  }
}
