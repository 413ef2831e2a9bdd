import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { RecordSelectionDto } from './record-selection.dto.js';
import { RecordSelectionRequest } from './record-selection.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class RecordSelectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/selection',
    created: false,
    roles: PLAN_MANAGERS,
    summary: "Record what the round's adopted (or corrected) result says about the plan, selected or not: needed only under a frame with selection: manual (adoption marks the plans otherwise); a plan already recorded as the result says appends nothing",
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 409: ['PROPOSAL.WRONG_STATUS', 'PROPOSAL.NO_ADOPTED_RESULT', 'PROPOSAL.SELECTION_CONTRADICTS_RESULT'] }),
  })
  async record(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: RecordSelectionDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<RecordSelectionDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const data = { proposalId, selected: body.selected ?? null, reason: body.reason, at: now.toISOString() };
    const result = await this.commands.execute(new RecordSelectionRequest(data, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
