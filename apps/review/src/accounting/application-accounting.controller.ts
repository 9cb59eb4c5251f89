import { Controller, Get, Query } from '@nestjs/common';

import { accountingQuerySchema, type ApplicationAccounting, applicationAccountingSchema } from '@loanmesh/contracts';
import { ZodQuery, ZodResponse } from '@loanmesh/observability';

import { Roles } from '../auth/roles.decorator';
import { parseBody } from '../common/parse-body';
import { ApplicationAccountingService } from './application-accounting.service';

@Controller('applications')
export class ApplicationAccountingController {
  constructor(private readonly accounting: ApplicationAccountingService) {}

  /** Where every application of `?run=` (a feed live run) or `?from=&to=` (ISO, on receipt at ingestion) is. */
  @Roles('senior_officer', 'risk_manager', 'auditor', 'admin')
  @Get('accounting')
  @ZodQuery(accountingQuerySchema)
  @ZodResponse(200, applicationAccountingSchema)
  account(@Query() query: unknown): Promise<ApplicationAccounting> {
    return this.accounting.account(parseBody(accountingQuerySchema, query));
  }
}
