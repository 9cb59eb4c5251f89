import { Controller, Get, Query } from '@nestjs/common';

import { accountingQuerySchema, type IngestionAccounting, ingestionAccountingSchema } from '@loanmesh/contracts';
import { DomainException, ZodQuery, ZodResponse } from '@loanmesh/observability';

import { ApplicationAccountingService } from './application-accounting.service';

@Controller('ingestion/applications')
export class ApplicationAccountingController {
  constructor(private readonly accounting: ApplicationAccountingService) {}

  /** Applications received in `?from=&to=` (ISO, on receipt) or of `?run=` (a feed live run), and where each was left. */
  @Get('accounting')
  @ZodQuery(accountingQuerySchema)
  @ZodResponse(200, ingestionAccountingSchema)
  account(@Query() query: unknown): Promise<IngestionAccounting> {
    const parsed = accountingQuerySchema.safeParse(query);
    if (!parsed.success) {
      throw new DomainException(
        'INVALID_ACCOUNTING_QUERY',
        'INVALID',
        parsed.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`).join('; '),
      );
    }
    return this.accounting.account(parsed.data);
  }
}
