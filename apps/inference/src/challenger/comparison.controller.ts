import { Controller, Get } from '@nestjs/common';

import { type ComparisonRow, ComparisonService } from './comparison.service';

@Controller('models')
export class ComparisonController {
  constructor(private readonly comparison: ComparisonService) {}

  /** Registered before the registry's `/models/:id`, so this path is not read as an id. */
  @Get('comparison')
  async report(): Promise<{ pairs: ComparisonRow[] }> {
    return { pairs: await this.comparison.report() };
  }
}
