import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CLOCK, type Clock, CurrentPrincipal, etagOf, expectedRevisionFrom, ID_GENERATOR, type IdGenerator, type Principal, WRITE_ROLES } from '@lib/platform';
import type { BudgetFrame, DecisionReference } from '../budget.events.js';
import { frameFieldsOf } from '../budget-frame.dto.js';
import { accepted, ApiProblems, CommandAcceptedDto, commandContext, correlationIdOf, StreamIdPipe } from '../budget-http.js';
import { AmendFrameDto } from './amend-frame.dto.js';
import { AmendFrameRequest } from './amend-frame.handler.js';

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets')
export class AmendFrameController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post(':budgetId/amendments')
  @HttpCode(201)
  @Allow(...WRITE_ROLES)
  @ApiOperation({ summary: 'Amend the frame (FrameAmended): a new frame version under a new decision; refused while a round votes under it (BUDGET.FRAME_FROZEN)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read, e.g. "0"' })
  @ApiCreatedResponse({ type: CommandAcceptedDto })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async amend(
    @Param('budgetId', StreamIdPipe) budgetId: string,
    @Body() body: AmendFrameDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const expectedRevision = expectedRevisionFrom(ifMatch);
    const now = this.clock.now();
    const context = commandContext(principal, WRITE_ROLES, now, correlationIdOf(correlation, () => this.ids.newId()), body.reason);
    const data = {
      budgetId,
      changes: frameFieldsOf(body) as Partial<BudgetFrame>,
      decision: body.decision === undefined ? null : (JSON.parse(JSON.stringify(body.decision)) as DecisionReference),
      reason: body.reason ?? '',
      amendedAt: now.toISOString(),
    };
    const result = await this.commands.execute(new AmendFrameRequest(data, { context, expectedRevision }));
    response.setHeader('ETag', etagOf(result.nextRevision)).setHeader('Location', `/budgets/${budgetId}`);
    return accepted(budgetId, result.nextRevision, result.events);
  }
}
