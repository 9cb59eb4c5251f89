import {
  Body,
  Controller,
  Get,
  HttpCode,
  type MessageEvent,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Sse,
  StreamableFile,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { z } from 'zod';

import { entityId, typedLine, typedText } from '@loanmesh/contracts';
import { ZodBody, ZodQuery, ZodResponse } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ROLES } from '../auth/role';
import { PERMISSIONS } from '../auth/permissions';
import { Roles } from '../auth/roles.decorator';
import { parseBody } from '../common/parse-body';
import { CaseDecisionService } from './case-decision.service';
import { caseDetailSchema, caseSchema, decisionReasonSchema, queuePageSchema } from './case-response.schemas';
import { CaseQueryService } from './case-query.service';
import { CaseWorkflowService } from './case-workflow.service';
import { CreditMemoService } from './memo/credit-memo.service';
import { QueueEventsService } from './queue-events.service';
import { type QueuePage, queueQuerySchema } from './queue-page';
import type { CaseEntity } from './case.entity';
import { type DecisionReason, REASON_TAXONOMY } from './reason-taxonomy';

const text = typedText(2000);
const decideSchema = z.object({
  outcome: z.enum(['APPROVED', 'DECLINED']),
  reasonCode: entityId,
  note: text,
});
const confirmSchema = z.object({ agree: z.boolean(), note: text });
const reassignSchema = z.object({ to: typedLine(64) });
const commentSchema = z.object({ text });
const reopenSchema = z.object({ reason: text });

type Detail = Awaited<ReturnType<CaseQueryService['detail']>>;

@Controller('cases')
export class CaseController {
  constructor(
    private readonly query: CaseQueryService,
    private readonly workflow: CaseWorkflowService,
    private readonly decisions: CaseDecisionService,
    private readonly events: QueueEventsService,
    private readonly memos: CreditMemoService,
  ) {}

  @Roles(...ROLES)
  @Get()
  @ZodQuery(queueQuerySchema)
  @ZodResponse(200, queuePageSchema, 'undecided cases filtered, sorted (priority first by default) and paged')
  queue(@Query() query: unknown, @CurrentUser() user: AuthenticatedUser): Promise<QueuePage> {
    return this.query.page(user, parseBody(queueQuerySchema, query));
  }

  /** Server-sent events: `queue` whenever the queue changed (the console reloads it). */
  @Roles(...ROLES)
  @Sse('events')
  queueEvents(): Observable<MessageEvent> {
    return this.events.stream();
  }

  @Roles(...ROLES)
  @Get('reasons')
  @ZodResponse(200, z.array(decisionReasonSchema))
  reasons(): readonly DecisionReason[] {
    return REASON_TAXONOMY;
  }

  @Roles(...ROLES)
  @Get(':id')
  @ZodResponse(200, caseDetailSchema)
  detail(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<Detail> {
    return this.query.detail(id, user);
  }

  /** The credit memo as a PDF for the credit file (personal data masked per role, as on the case page). */
  @Roles(...PERMISSIONS['cases.memo'])
  @Get(':id/memo.pdf')
  async memo(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<StreamableFile> {
    return new StreamableFile(await this.memos.render(id, user), {
      type: 'application/pdf',
      disposition: `attachment; filename="credit-memo-${id}.pdf"`,
    });
  }

  @Roles(...PERMISSIONS['cases.claim'])
  @Post(':id/claim')
  @HttpCode(200)
  @ZodResponse(200, caseSchema)
  claim(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseEntity> {
    return this.workflow.claim(id, user);
  }

  @Roles(...PERMISSIONS['cases.claim'])
  @Post(':id/release')
  @HttpCode(200)
  @ZodResponse(200, caseSchema)
  release(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseEntity> {
    return this.workflow.release(id, user);
  }

  @Roles(...PERMISSIONS['cases.reassign'])
  @Post(':id/reassign')
  @HttpCode(200)
  @ZodBody(reassignSchema)
  @ZodResponse(200, caseSchema)
  reassign(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
  ): Promise<CaseEntity> {
    return this.workflow.reassign(id, user, parseBody(reassignSchema, body).to);
  }

  @Roles(...PERMISSIONS['cases.decide'])
  @Post(':id/decide')
  @HttpCode(200)
  @ZodBody(decideSchema)
  @ZodResponse(200, caseSchema)
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
  ): Promise<CaseEntity> {
    return this.decisions.decide(id, user, parseBody(decideSchema, body));
  }

  @Roles(...PERMISSIONS['cases.confirm'])
  @Post(':id/confirm')
  @HttpCode(200)
  @ZodBody(confirmSchema)
  @ZodResponse(200, caseSchema)
  confirm(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
  ): Promise<CaseEntity> {
    const { agree, note } = parseBody(confirmSchema, body);
    return this.decisions.confirm(id, user, agree, note);
  }

  @Roles(...PERMISSIONS['cases.comment'])
  @Post(':id/comments')
  @HttpCode(200)
  @ZodBody(commentSchema)
  @ZodResponse(200, caseSchema)
  comment(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
  ): Promise<CaseEntity> {
    return this.workflow.comment(id, user, parseBody(commentSchema, body).text);
  }

  @Roles(...PERMISSIONS['cases.reopen'])
  @Post(':id/reopen')
  @HttpCode(200)
  @ZodBody(reopenSchema)
  @ZodResponse(200, caseSchema)
  reopen(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
  ): Promise<CaseEntity> {
    return this.workflow.reopen(id, user, parseBody(reopenSchema, body).reason);
  }
}
