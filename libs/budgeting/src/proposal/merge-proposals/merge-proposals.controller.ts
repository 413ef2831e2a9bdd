import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_REACTIONS_HEADER, planAccepted } from '../proposal.endpoint.js';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { MergeProposalsDto } from './merge-proposals.dto.js';
import { MergeProposalsRequest } from './merge-proposals.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class MergeProposalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/merge',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Merge another plan of the same round into this one; both streams record it. `If-Match` is the ETag of the continuing plan',
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 409: ['PROPOSAL.MERGE_NOT_ALLOWED'] }),
    headers: PLAN_REACTIONS_HEADER,
  })
  async merge(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: MergeProposalsDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<MergeProposalsDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const data = { continuingProposalId: proposalId, mergedProposalId: body.mergedProposalId, reason: body.reason, at: now.toISOString() };
    const result = await this.commands.execute(new MergeProposalsRequest(data, envelope));
    return planAccepted(this.shell, response, proposalId, result);
  }
}
