import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { ExtendDecisionDeadlineDto } from './extend-decision-deadline.dto.js';
import { ExtendDecisionDeadlineRequest } from './extend-decision-deadline.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class ExtendDecisionDeadlineController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({ method: 'POST', path: ':proposalId/decision-deadline-extension', created: false, roles: PLAN_MANAGERS, summary: "Extend an initiatievenfonds application's decision deadline, once, before it passes (Awb 4:14)", problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED', 'PROPOSAL.INVALID_EXTENSION'], 409: ['PROPOSAL.WRONG_STATUS', 'PROPOSAL.DEADLINE_ALREADY_EXTENDED', 'PROPOSAL.DECISION_DEADLINE_PASSED', 'PROPOSAL.NO_DECISION_DEADLINE'] }) })
  async extend(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: ExtendDecisionDeadlineDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<ExtendDecisionDeadlineDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const at = now.toISOString();
    const result = await this.commands.execute(new ExtendDecisionDeadlineRequest({ proposalId, extensionDays: body.extensionDays ?? null, reason: body.reason, at }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
