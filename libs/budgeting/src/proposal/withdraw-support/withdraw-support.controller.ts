import { Controller, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe } from '@lib/platform';
import { refuseBody } from '../proposal.no-body.js';
import { assertActsInRound, PLAN_RESIDENTS, planProblems } from '../proposal.roles.js';
import { WithdrawSupportRequest } from './withdraw-support.handler.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('rounds')
export class WithdrawSupportController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'DELETE',
    path: ':roundId/plans/:proposalId/my-support',
    roles: PLAN_RESIDENTS,
    summary: 'Withdraw your support while the round collects support; the count goes down, a threshold already reached stays reached',
    description: 'Refusals: PROPOSAL.SUPPORT_NOT_GIVEN, PROPOSAL.SUPPORT_CLOSED (409), PROPOSAL.WRONG_ROUND (403), PROPOSAL.NOT_FOUND (404)',
    problems: planProblems({ 400: [], 403: ['PROPOSAL.WRONG_ROUND'], 404: ['ROUND.NOT_FOUND'], 409: ['PROPOSAL.SUPPORT_NOT_GIVEN', 'PROPOSAL.SUPPORT_CLOSED'] }),
  })
  async withdraw(
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
    const result = await this.commands.execute(new WithdrawSupportRequest({ roundId, proposalId, supporterRef: call.principal.subject, at: now.toISOString() }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
