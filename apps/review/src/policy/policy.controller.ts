import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { z } from 'zod';

import { typedText } from '@loanmesh/contracts';
import { ZodBody } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { Roles } from '../auth/roles.decorator';
import { parseBody } from '../common/parse-body';
import type { BacktestResult } from './policy-backtest';
import { policyRulesSchema } from './policy-rules.schema';
import { PolicyService, type PolicyView } from './policy.service';

const draftSchema = z.object({ rules: policyRulesSchema, note: typedText(500) });

@Controller('policies')
export class PolicyController {
  constructor(private readonly policies: PolicyService) {}

  @Roles(...PERMISSIONS['policies.read'])
  @Get()
  list(): Promise<PolicyView[]> {
    return this.policies.list();
  }

  @Roles(...PERMISSIONS['policies.read'])
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PolicyView> {
    return this.policies.get(id);
  }

  @Roles(...PERMISSIONS['policies.write'])
  @Post()
  @ZodBody(draftSchema)
  createDraft(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown): Promise<PolicyView> {
    const { rules, note } = parseBody(draftSchema, body);
    return this.policies.createDraft(user, rules, note);
  }

  @Roles(...PERMISSIONS['policies.write'])
  @Post(':id/backtest')
  @HttpCode(200)
  backtest(@Param('id', ParseUUIDPipe) id: string): Promise<BacktestResult & { version: number }> {
    return this.policies.backtest(id);
  }

  @Roles(...PERMISSIONS['policies.write'])
  @Post(':id/activate')
  @HttpCode(200)
  activate(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<PolicyView> {
    return this.policies.activate(id, user);
  }
}
