import { Body, Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, WRITE_ROLES } from '@lib/platform';
import type { BudgetFrame, DecisionReference } from '../budget.events.js';
import { frameFieldsOf } from '../budget-frame.dto.js';
import { EstablishBudgetDto } from './establish-budget.dto.js';
import { EstablishBudgetRequest } from './establish-budget.handler.js';

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets')
export class EstablishBudgetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    roles: WRITE_ROLES,
    summary: 'Establish a budget frame (BudgetEstablished), in full or from a template with overrides',
    description: 'Created; `Location` is the budget, `ETag` its revision',
    ifMatch: false,
    problems: { 400: ['BUDGET.INVALID_FRAME', 'BUDGET.ALLOCATION_EXCEEDS_AMOUNT', 'BUDGET.DECISION_REFERENCE_REQUIRED', 'BUDGET.DECISION_DATE_DOES_NOT_EXIST', 'BUDGET.UNKNOWN_TEMPLATE'], 409: ['BUDGET.ALREADY_ESTABLISHED'] },
  })
  async establish(
    @Body() body: EstablishBudgetDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const budgetId = this.shell.newId();
    const now = this.shell.now();
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, WRITE_ROLES, { now });
    const data = {
      budgetId,
      frame: frameFieldsOf(body) as Partial<BudgetFrame>,
      decision: body.decision === undefined ? null : plain<DecisionReference>(body.decision),
      template: body.from ?? null,
      establishedAt: now.toISOString(),
    };
    const result = await this.commands.execute(new EstablishBudgetRequest(data, envelope));
    return this.shell.accepted(response, budgetId, result, `/budgets/${budgetId}`);
  }
}
