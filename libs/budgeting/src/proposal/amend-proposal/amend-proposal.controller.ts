import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { AmendProposalDto } from './amend-proposal.dto.js';
import { AmendProposalRequest } from './amend-proposal.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class AmendProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({ method: 'POST', path: ':proposalId/amendments', created: false, roles: PLAN_MANAGERS, summary: 'Amend a plan: adds a version; every earlier version, the original first, is kept', problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED', 'PROPOSAL.INVALID_AMOUNT'], 409: ['PROPOSAL.NOT_AMENDABLE'] }) })
  async amend(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: AmendProposalDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<AmendProposalDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const at = now.toISOString();
    const result = await this.commands.execute(new AmendProposalRequest({ proposalId, title: body.title, summary: body.summary, costEstimate: body.costEstimate, reason: body.reason, at }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
