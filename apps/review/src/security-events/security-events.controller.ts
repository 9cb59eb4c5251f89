import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';

import { typedLine } from '@loanmesh/contracts';
import { ZodQuery } from '@loanmesh/observability';

import { Roles } from '../auth/roles.decorator';
import { parseBody } from '../common/parse-body';
import { SECURITY_EVENT_TYPES } from './security-event.entity';
import { SecurityEventsService, type SecurityEventView } from './security-events.service';

const querySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  type: z.enum(SECURITY_EVENT_TYPES).optional(),
  username: typedLine(64).optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The security log for auditors and admins: sign-ins, failures, lockouts and account changes. */
@Controller('audit/security-events')
export class SecurityEventsController {
  constructor(private readonly events: SecurityEventsService) {}

  @Roles('auditor', 'admin')
  @Get()
  @ZodQuery(querySchema)
  list(@Query() query: unknown): Promise<{ events: SecurityEventView[]; nextBefore?: string }> {
    const q = parseBody(querySchema, query);
    return this.events.page({
      ...q,
      from: q.from === undefined ? undefined : new Date(q.from),
      to: q.to === undefined ? undefined : new Date(q.to),
    });
  }
}
