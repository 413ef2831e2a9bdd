import { Body, Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CLOCK, type Clock, CurrentPrincipal, etagOf, ID_GENERATOR, type IdGenerator, type Principal, WRITE_ROLES } from '@lib/platform';
import type { BudgetFrame, DecisionReference } from '../budget.events.js';
import { frameFieldsOf } from '../budget-frame.dto.js';
import { accepted, ApiProblems, CommandAcceptedDto, commandContext, correlationIdOf } from '../budget-http.js';
import { EstablishBudgetDto } from './establish-budget.dto.js';
import { EstablishBudgetRequest } from './establish-budget.handler.js';

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets')
export class EstablishBudgetController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...WRITE_ROLES)
  @ApiOperation({ summary: 'Establish a budget frame (BudgetEstablished), in full or from a template with overrides' })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: CommandAcceptedDto, description: 'Created; `Location` is the budget, `ETag` its revision' })
  @ApiProblems(400, 401, 403, 409)
  async establish(
    @Body() body: EstablishBudgetDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const budgetId = this.ids.newId();
    const now = this.clock.now();
    const context = commandContext(principal, WRITE_ROLES, now, correlationIdOf(correlation, () => this.ids.newId()));
    const data = {
      budgetId,
      frame: frameFieldsOf(body) as Partial<BudgetFrame>,
      decision: body.decision === undefined ? null : (JSON.parse(JSON.stringify(body.decision)) as DecisionReference),
      template: body.from ?? null,
      establishedAt: now.toISOString(),
    };
    const result = await this.commands.execute(new EstablishBudgetRequest(data, { context }));
    response.setHeader('Location', `/budgets/${budgetId}`).setHeader('ETag', etagOf(result.nextRevision));
    return accepted(budgetId, result.nextRevision, result.events);
  }
}
