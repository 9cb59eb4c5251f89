import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';

import { entityId } from '@loanmesh/contracts';
import { ZodBody } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { parseBody } from '../common/parse-body';
import { streamLines } from '../common/stream-lines';
import { LABEL_CSV_HEADER, labelCsvRow } from './label-csv';
import { LabelService } from './label.service';

const outcomeSchema = z.object({ applicationId: entityId, outcome: z.enum(['DEFAULTED', 'REPAID']) });

@Controller('labels')
export class LabelController {
  constructor(private readonly labels: LabelService) {}

  @Roles('risk_manager', 'admin')
  @Get('export')
  async export(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="labels.csv"');
    await streamLines(res, LABEL_CSV_HEADER, this.labels.pages(), labelCsvRow);
  }

  @Roles('risk_manager', 'admin')
  @Post('outcomes')
  @HttpCode(204)
  @ZodBody(outcomeSchema)
  async recordOutcome(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown): Promise<void> {
    const { applicationId, outcome } = parseBody(outcomeSchema, body);
    await this.labels.recordOutcome(user, applicationId, outcome);
  }
}
