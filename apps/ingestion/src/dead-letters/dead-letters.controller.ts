import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';

import { type DeadLetterListing, DeadLetterLedgerService } from './dead-letter-ledger.service';

@Controller('dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterLedgerService) {}

  /**
   * Counts by reason code and the latest dead letters (no payloads: they may hold personal
   * data); `?code=EVENT_ID_CONFLICT` keeps one reason code.
   */
  @Get()
  async list(
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('code') code?: string,
  ): Promise<DeadLetterListing> {
    return this.deadLetters.list({ limit: Math.min(Math.max(limit, 0), 1000), code: code || undefined });
  }
}
