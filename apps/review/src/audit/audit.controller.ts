import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { maskForRole } from '../common/role-pii-mask';
import { streamLines } from '../common/stream-lines';
import { AuditBundleService } from './audit-bundle.service';
import { AuditSignerService } from './audit-signer.service';
import { AuditService, type AuditVerification } from './audit.service';

@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly bundles: AuditBundleService,
    private readonly signer: AuditSignerService,
  ) {}

  @Roles('auditor', 'risk_manager', 'admin')
  @Get('verify')
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }

  /** NDJSON, one decision per line, streamed page by page; personal data masked by role. */
  @Roles('auditor', 'risk_manager', 'admin')
  @Get('export')
  async export(@CurrentUser() user: AuthenticatedUser, @Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="decisions.ndjson"');
    await streamLines(res, '', this.audit.pages(), (d) => `${JSON.stringify(maskForRole(user.role, d))}\n`);
  }

  /** The signed bundle: header, decisions in ledger order, signed manifest (NDJSON, streamed). */
  @Roles('auditor', 'risk_manager', 'admin')
  @Get('bundle')
  async bundle(@CurrentUser() user: AuthenticatedUser, @Res() res: Response): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="loanmesh-audit-${stamp}.ndjson"`);
    await this.bundles.stream(user, res);
  }

  /**
   * The current signing key and every key still accepted, by id: what an auditor pins once
   * (out of band, not from the service being audited) for `npm run audit:verify-bundle`.
   */
  @Roles('auditor', 'risk_manager', 'admin')
  @Get('signing-key')
  signingKey(): {
    algorithm: 'Ed25519';
    keyId: string;
    publicKeyPem: string;
    devKey: boolean;
    verifyKeys: Record<string, string>;
  } {
    const { keyId, publicKeyPem, devKey, verifyKeys } = this.signer;
    return { algorithm: 'Ed25519', keyId, publicKeyPem, devKey, verifyKeys: Object.fromEntries(verifyKeys) };
  }
}
