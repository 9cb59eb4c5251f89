import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { z } from 'zod';

import { typedLine, typedText } from '@loanmesh/contracts';
import { ZodBody, ZodQuery, ZodResponse } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { Roles } from '../auth/roles.decorator';
import { parseBody } from '../common/parse-body';
import { type KindAgreement, LabelAgreementService } from './label-agreement.service';
import { LABEL_KINDS, LABEL_VALUES, labelSubjectSchema } from './label-kind';
import { kindAgreementSchema, labelKindSchema, labelTaskSchema } from './labelling-response.schemas';
import { type LabelTaskView, LabellingService } from './labelling.service';

const value = typedLine(64);
const createSchema = z.object({ caseId: z.string().uuid(), subject: labelSubjectSchema });
const labelSchema = z.object({ value });
const reviseSchema = z.object({ value, fromVersion: z.number().int().positive() });
const adjudicateSchema = z.object({ value, note: typedText(2000) });
const listQuery = z.object({ scope: z.enum(['to-label', 'adjudication', 'all']).default('to-label') });

@Controller('labelling')
export class LabellingController {
  constructor(
    private readonly labelling: LabellingService,
    private readonly agreements: LabelAgreementService,
  ) {}

  @Roles(...PERMISSIONS['labels.label'])
  @Get('kinds')
  @ZodResponse(200, z.array(labelKindSchema), 'the label kinds and the values each admits')
  kinds(): { kind: string; values: readonly string[] }[] {
    return LABEL_KINDS.map((kind) => ({ kind, values: LABEL_VALUES[kind] }));
  }

  @Roles(...PERMISSIONS['labels.label'])
  @Get('tasks')
  @ZodQuery(listQuery)
  @ZodResponse(200, z.array(labelTaskSchema), 'samples to label (yours not yet labelled), to adjudicate, or all')
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: unknown): Promise<LabelTaskView[]> {
    return this.labelling.list(user, parseBody(listQuery, query).scope);
  }

  @Roles(...PERMISSIONS['labels.task'])
  @Post('tasks')
  @ZodBody(createSchema)
  @ZodResponse(201, labelTaskSchema, 'the new sample, open for labelling')
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown): Promise<LabelTaskView> {
    const { caseId, subject } = parseBody(createSchema, body);
    return this.labelling.createTask(user, caseId, subject);
  }

  @Roles(...PERMISSIONS['labels.label'])
  @Post('tasks/:id/labels')
  @HttpCode(200)
  @ZodBody(labelSchema)
  @ZodResponse(200, labelTaskSchema, 'the sample after your label (agreed, needing adjudication, or still open)')
  label(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<LabelTaskView> {
    return this.labelling.label(user, id, parseBody(labelSchema, body).value);
  }

  @Roles(...PERMISSIONS['labels.label'])
  @Post('tasks/:id/labels/revise')
  @HttpCode(200)
  @ZodBody(reviseSchema)
  @ZodResponse(200, labelTaskSchema, 'the sample after your new label version')
  revise(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<LabelTaskView> {
    const { value: v, fromVersion } = parseBody(reviseSchema, body);
    return this.labelling.revise(user, id, v, fromVersion);
  }

  @Roles(...PERMISSIONS['labels.adjudicate'])
  @Post('tasks/:id/adjudicate')
  @HttpCode(200)
  @ZodBody(adjudicateSchema)
  @ZodResponse(200, labelTaskSchema, "the sample with the senior's final label")
  adjudicate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<LabelTaskView> {
    const { value: v, note } = parseBody(adjudicateSchema, body);
    return this.labelling.adjudicate(user, id, v, note);
  }

  @Roles(...PERMISSIONS['labels.agreement'])
  @Get('agreement')
  @ZodResponse(200, z.array(kindAgreementSchema), "Cohen's kappa per kind over pairs of labellers")
  agreement(): Promise<KindAgreement[]> {
    return this.agreements.agreement();
  }
}
