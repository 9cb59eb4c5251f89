import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CLEAR_PII_ROLES } from '../auth/role';
import { maskForRole } from '../common/role-pii-mask';
import { streamLines } from '../common/stream-lines';
import { BUNDLE_VERSION, BundleBuilder, type BundleHeader } from './audit-bundle';
import { AuditCheckpointReader } from './audit-checkpoint.reader';
import { AuditSignerService } from './audit-signer.service';
import { AuditService } from './audit.service';

/** Streams the whole decision ledger and its checkpoints as a signed bundle (see audit-bundle.ts), page by page. */
@Injectable()
export class AuditBundleService {
  constructor(
    private readonly audit: AuditService,
    private readonly signer: AuditSignerService,
    private readonly checkpoints: AuditCheckpointReader,
  ) {}

  async stream(user: AuthenticatedUser, res: Response, now = new Date()): Promise<void> {
    // Read before the decisions: every checkpoint then refers to a row the export includes.
    const { verified } = await this.checkpoints.readAll();
    const builder = new BundleBuilder();
    const header: BundleHeader = {
      kind: 'header',
      bundleVersion: BUNDLE_VERSION,
      exportedAt: now.toISOString(),
      exportedBy: user.username,
      role: user.role,
      masked: !CLEAR_PII_ROLES.includes(user.role),
    };
    await streamLines(
      res,
      builder.line(header) + verified.map((c) => builder.checkpoint(c)).join(''),
      this.audit.pages(),
      // The chain fields stay as stored, so continuity can be checked in a masked bundle too.
      (d) =>
        builder.decision(d, { ...maskForRole(user.role, d), seq: d.seq, previousHash: d.previousHash, hash: d.hash }),
      () => builder.manifest(this.signer.keyId, (text) => this.signer.sign(text)),
    );
  }
}
