import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { WithdrawProposalDto } from './withdraw-proposal.dto.js';
import { WithdrawProposalRequest } from './withdraw-proposal.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class WithdrawProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({ method: 'POST', path: ':proposalId/withdrawal', created: false, roles: PLAN_MANAGERS, summary: "Withdraw a plan on the submitter's behalf (up to selection)", problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 409: ['PROPOSAL.WRONG_STATUS'] }) })
  async withdraw(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: WithdrawProposalDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<WithdrawProposalDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const at = now.toISOString();
    const result = await this.commands.execute(new WithdrawProposalRequest({ proposalId, reason: body.reason, at }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
