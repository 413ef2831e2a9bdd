import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { ModerateProposalDto } from './moderate-proposal.dto.js';
import { ModerateProposalRequest } from './moderate-proposal.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class ModerateProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/moderation',
    created: false,
    roles: PLAN_MANAGERS,
    summary: "Moderate a resident's own plan: admit it into intake (it becomes public) or refuse it with a reason",
    description: 'Refusals: PROPOSAL.NOT_AWAITING_MODERATION (409), PROPOSAL.REASON_REQUIRED (400), PROPOSAL.NOT_FOUND (404)',
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 409: ['PROPOSAL.NOT_AWAITING_MODERATION'] }),
  })
  async moderate(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: ModerateProposalDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<ModerateProposalDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const result = await this.commands.execute(new ModerateProposalRequest({ proposalId, admitted: body.admitted, reason: body.reason, at: now.toISOString() }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
