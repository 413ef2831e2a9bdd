import { Controller, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe } from '@lib/platform';
import { refuseBody } from '../proposal.no-body.js';
import { assertActsInRound, PLAN_RESIDENTS, planProblems } from '../proposal.roles.js';
import { SupportProposalRequest } from './support-proposal.handler.js';

/** A resident supports a plan themselves: the supporter is the caller's pseudonym, once per plan. */
@ApiTags('residents')
@ApiBearerAuth()
@Controller('rounds')
export class SupportMyProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':roundId/plans/:proposalId/my-support',
    created: false,
    roles: PLAN_RESIDENTS,
    summary: "Support a plan (once per resident, under your pseudonym); reaching the frame's threshold is recorded too",
    description: 'Refusals: PROPOSAL.ALREADY_SUPPORTED, PROPOSAL.SUPPORT_CLOSED (409), PROPOSAL.WRONG_ROUND (403), PROPOSAL.NOT_FOUND (404)',
    problems: planProblems({ 400: [], 403: ['PROPOSAL.WRONG_ROUND'], 404: ['ROUND.NOT_FOUND'], 409: ['PROPOSAL.ALREADY_SUPPORTED', 'PROPOSAL.SUPPORT_CLOSED'] }),
  })
  async support(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Req() request: Request,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    refuseBody(request);
    assertActsInRound(call.principal, roundId);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_RESIDENTS, { now });
    const result = await this.commands.execute(new SupportProposalRequest({ roundId, proposalId, supporterRef: call.principal.subject, at: now.toISOString() }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
