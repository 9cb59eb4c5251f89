import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';

import { DomainException } from '@loanmesh/observability';

import type { StoredCandidate } from './entity-resolution.repository';
import { EntityResolutionService } from './entity-resolution.service';

const listQuery = z.object({
  status: z.enum(['PENDING', 'AUTO_LINKED', 'CONFIRMED', 'REJECTED', 'ALL']).default('PENDING'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** Review queue for entity resolution: grey-zone pairs to confirm or reject, auto links to revert. */
@Controller('entity-resolution/candidates')
export class EntityResolutionController {
  constructor(private readonly resolution: EntityResolutionService) {}

  @Get()
  async list(@Query() query: Record<string, string>): Promise<{ candidates: StoredCandidate[] }> {
    const parsed = listQuery.safeParse(query);
    if (!parsed.success) {
      throw new DomainException('ER_INVALID_QUERY', 'INVALID', parsed.error.issues.map((i) => i.message).join('; '));
    }
    const status = parsed.data.status === 'ALL' ? null : parsed.data.status;
    return { candidates: await this.resolution.list(status, parsed.data.limit) };
  }

  @Post(':id/confirm')
  @HttpCode(204)
  confirm(@Param('id') id: string): Promise<void> {
    return this.resolution.decide(id, 'confirm', 'reviewer');
  }

  @Post(':id/reject')
  @HttpCode(204)
  reject(@Param('id') id: string): Promise<void> {
    return this.resolution.decide(id, 'reject', 'reviewer');
  }
}
