import { Controller, DefaultValuePipe, Get, ParseEnumPipe, ParseIntPipe, Query } from '@nestjs/common';

import type { ParkedApplicationState } from '../store/parked-application.entity';
import { type ParkedListing, ParkedApplicationsService } from './parked-applications.service';

const STATES: Record<ParkedApplicationState, ParkedApplicationState> = { waiting: 'waiting', expired: 'expired' };

@Controller('ingestion')
export class ParkedApplicationsController {
  constructor(private readonly parked: ParkedApplicationsService) {}

  /** Parked applications in one state, longest-waiting first (`?state=waiting|expired&limit=`). */
  @Get('parked')
  async list(
    @Query('state', new DefaultValuePipe('waiting'), new ParseEnumPipe(STATES)) state: ParkedApplicationState,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number,
  ): Promise<ParkedListing> {
    return this.parked.list(state, Math.min(Math.max(limit, 0), 1000));
  }
}
