import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';

import { typedLine } from '@loanmesh/contracts';

import { DomainException, ZodBody, ZodQuery } from '@loanmesh/observability';
import { ServiceCaller, ServiceCallers, type ServiceCredentialClaims } from '@loanmesh/service-auth';

import type { StoredCandidate } from './entity-resolution.repository';
import { EntityResolutionService } from './entity-resolution.service';

const listQuery = z.object({
  status: z.enum(['PENDING', 'AUTO_LINKED', 'CONFIRMED', 'REJECTED', 'ALL']).default('PENDING'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * Who decides: the review service passes the signed-in reviewer, who must be the subject of its
 * service credential (a body naming someone else is refused); it is stored on the candidate.
 */
const decisionBody = z.object({ reviewer: typedLine(64) });

/** Review queue for entity resolution: grey-zone pairs to confirm or reject, auto links to revert. */
@Controller('entity-resolution/candidates')
export class EntityResolutionController {
  constructor(private readonly resolution: EntityResolutionService) {}

  @Get()
  @ZodQuery(listQuery)
  async list(@Query() query: Record<string, string>): Promise<{ candidates: StoredCandidate[] }> {
    const parsed = listQuery.safeParse(query);
    if (!parsed.success) {
      throw new DomainException('ER_INVALID_QUERY', 'INVALID', parsed.error.issues.map((i) => i.message).join('; '));
    }
    const status = parsed.data.status === 'ALL' ? null : parsed.data.status;
    return { candidates: await this.resolution.list(status, parsed.data.limit) };
  }

  @ServiceCallers('review')
  @Post(':id/confirm')
  @HttpCode(204)
  @ZodBody(decisionBody)
  confirm(
    @Param('id') id: string,
    @Body() body: unknown,
    @ServiceCaller() caller: ServiceCredentialClaims,
  ): Promise<void> {
    return this.resolution.decide(id, 'confirm', reviewerOf(body, caller));
  }

  @ServiceCallers('review')
  @Post(':id/reject')
  @HttpCode(204)
  @ZodBody(decisionBody)
  reject(
    @Param('id') id: string,
    @Body() body: unknown,
    @ServiceCaller() caller: ServiceCredentialClaims,
  ): Promise<void> {
    return this.resolution.decide(id, 'reject', reviewerOf(body, caller));
  }
}

function reviewerOf(body: unknown, caller: ServiceCredentialClaims): string {
  const parsed = decisionBody.safeParse(body);
  if (!parsed.success) {
    throw new DomainException('ER_INVALID_DECISION', 'INVALID', 'a decision needs {"reviewer": "<username>"}');
  }
  if (parsed.data.reviewer !== caller.sub) {
    throw new DomainException(
      'ER_REVIEWER_MISMATCH',
      'FORBIDDEN',
      'the reviewer must be the user the credential acts for',
    );
  }
  return parsed.data.reviewer;
}
