import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_REACTIONS_HEADER, planAccepted } from '../proposal.endpoint.js';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { CloseImplementationDto } from './close-implementation.dto.js';
import { CloseImplementationRequest } from './close-implementation.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class CloseImplementationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/implementation/closure',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Close the implementation as realised, partly realised or cancelled; the unspent grant returns to the round',
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 409: ['PROPOSAL.WRONG_STATUS'] }),
    headers: PLAN_REACTIONS_HEADER,
  })
  async close(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: CloseImplementationDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const { outcome, reason } = plain<CloseImplementationDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason });
    const result = await this.commands.execute(new CloseImplementationRequest({ proposalId, outcome, reason, at: now.toISOString() }, envelope));
    return planAccepted(this.shell, response, proposalId, result);
  }
}
