import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import type { BudgetFrame, DecisionReference } from '../budget.events.js';
import { frameFieldsOf } from '../budget-frame.dto.js';
import { AmendFrameDto } from './amend-frame.dto.js';
import { AmendFrameRequest } from './amend-frame.handler.js';

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets')
export class AmendFrameController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':budgetId/amendments',
    roles: WRITE_ROLES,
    summary: 'Amend the frame (FrameAmended): a new frame version under a new decision; refused while a round votes under it (BUDGET.FRAME_FROZEN)',
    problems: { 400: ['BUDGET.INVALID_FRAME', 'BUDGET.ALLOCATION_EXCEEDS_AMOUNT', 'BUDGET.DECISION_REFERENCE_REQUIRED', 'BUDGET.DECISION_DATE_DOES_NOT_EXIST', 'BUDGET.REASON_REQUIRED'], 404: ['BUDGET.NOT_FOUND'], 409: ['BUDGET.FRAME_FROZEN', 'BUDGET.DECISION_REFERENCE_REUSED', 'BUDGET.FORM_CHANGE_NOT_ALLOWED'] },
  })
  async amend(
    @Param('budgetId', StreamIdPipe) budgetId: string,
    @Body() body: AmendFrameDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, WRITE_ROLES, { now, reason: body.reason });
    const data = {
      budgetId,
      changes: frameFieldsOf(body) as Partial<BudgetFrame>,
      decision: body.decision === undefined ? null : plain<DecisionReference>(body.decision),
      reason: body.reason ?? '',
      amendedAt: now.toISOString(),
    };
    const result = await this.commands.execute(new AmendFrameRequest(data, envelope));
    return this.shell.accepted(response, budgetId, result, `/budgets/${budgetId}`);
  }
}
