import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { assertActsInRound, PLAN_RESIDENTS } from '../proposal.roles.js';
import { SubmitMyProposalDto } from './submit-my-proposal.dto.js';
import { type SubmitMyProposalInput, SubmitMyProposalRequest } from './submit-my-proposal.handler.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('rounds')
export class SubmitMyProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':roundId/my-plans',
    roles: PLAN_RESIDENTS,
    summary: 'Submit your own plan: you are its submitter (your pseudonym); it waits for moderation before it is public',
    description:
      "Location: /rounds/{roundId}/my-plans/{id}; ETag: the new stream's revision. Events: ProposalSubmitted and ProposalAwaitingModeration. Refusals: PROPOSAL.SUBMISSION_CLOSED, PROPOSAL.INTAKE_CLOSED, PROPOSAL.UNKNOWN_AREA, PROPOSAL.UNKNOWN_THEME, PROPOSAL.AMOUNT_OUT_OF_RANGE (409), PROPOSAL.WRONG_ROUND (403), ROUND.NOT_FOUND (404)",
    ifMatch: false,
    problems: { 400: ['PROPOSAL.INVALID_AMOUNT'], 403: ['PROPOSAL.WRONG_ROUND'], 404: ['ROUND.NOT_FOUND'], 409: ['PROPOSAL.ALREADY_SUBMITTED', 'PROPOSAL.IDEMPOTENCY_KEY_REUSED', 'PROPOSAL.SUBMISSION_CLOSED', 'PROPOSAL.NO_INTAKE_DATE', 'PROPOSAL.UNKNOWN_AREA', 'PROPOSAL.UNKNOWN_THEME', 'PROPOSAL.AMOUNT_OUT_OF_RANGE', 'PROPOSAL.INTAKE_CLOSED'] },
  })
  async submit(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: SubmitMyProposalDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    assertActsInRound(call.principal, roundId);
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, PLAN_RESIDENTS);
    const result = await this.commands.execute(new SubmitMyProposalRequest(roundId, plain<SubmitMyProposalInput>(body), envelope));
    return this.shell.accepted(response, result.proposalId, result, `/rounds/${roundId}/my-plans/${result.proposalId}`);
  }
}
