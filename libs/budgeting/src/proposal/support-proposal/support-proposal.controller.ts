import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { SupportProposalDto } from './support-proposal.dto.js';
import { SupportProposalRequest } from './support-proposal.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class SupportProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/support',
    created: false,
    roles: PLAN_MANAGERS,
    summary: "Record a support statement (each pseudonym once); reaching the frame's threshold is recorded too",
    problems: planProblems({ 400: [], 404: ['ROUND.NOT_FOUND'], 409: ['PROPOSAL.ALREADY_SUPPORTED', 'PROPOSAL.SUPPORT_CLOSED'] }),
  })
  async support(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() body: SupportProposalDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now });
    const result = await this.commands.execute(new SupportProposalRequest({ proposalId, supporterRef: body.supporterRef, at: now.toISOString() }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
