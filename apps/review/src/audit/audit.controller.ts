import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { maskForRole } from '../common/role-pii-mask';
import { streamLines } from '../common/stream-lines';
import type { ChainVerification } from '../decisions/decision-chain';
import { AuditService } from './audit.service';

@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('auditor', 'risk_manager', 'admin')
  @Get('verify')
  verify(): Promise<ChainVerification> {
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
}
