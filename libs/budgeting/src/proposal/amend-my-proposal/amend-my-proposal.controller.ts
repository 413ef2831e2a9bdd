import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { assertActsInRound, PLAN_RESIDENTS, planProblems } from '../proposal.roles.js';
import { AmendMyProposalDto } from './amend-my-proposal.dto.js';
import { AmendMyProposalRequest } from './amend-my-proposal.handler.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('rounds')
export class AmendMyProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':roundId/my-plans/:proposalId/amendments',
    created: false,
    roles: PLAN_RESIDENTS,
    summary: 'Amend your own plan until the intake deadline (after it only when a reviewer asked for a revision); adds a version',
    description:
      'Refusals: PROPOSAL.NOT_SUBMITTER, PROPOSAL.WRONG_ROUND (403), PROPOSAL.INTAKE_CLOSED, PROPOSAL.NOT_AMENDABLE, PROPOSAL.AMOUNT_OUT_OF_RANGE (409), PROPOSAL.REASON_REQUIRED (400), PROPOSAL.NOT_FOUND (404)',
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED', 'PROPOSAL.INVALID_AMOUNT'], 403: ['PROPOSAL.NOT_SUBMITTER', 'PROPOSAL.WRONG_ROUND'], 404: ['ROUND.NOT_FOUND'], 409: ['PROPOSAL.INTAKE_CLOSED', 'PROPOSAL.NOT_AMENDABLE', 'PROPOSAL.AMOUNT_OUT_OF_RANGE'] }),
  })
  async amend(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: AmendMyProposalDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    assertActsInRound(call.principal, roundId);
    const body = plain<AmendMyProposalDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_RESIDENTS, { now, reason: body.reason });
    const data = { roundId, proposalId, title: body.title, summary: body.summary, costEstimate: body.costEstimate, reason: body.reason, at: now.toISOString() };
    const result = await this.commands.execute(new AmendMyProposalRequest(data, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
