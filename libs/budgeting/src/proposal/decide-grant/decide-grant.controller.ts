import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import type { AppealRoute } from '../proposal.events.js';
import { PLAN_REACTIONS_HEADER, planAccepted } from '../proposal.endpoint.js';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { DecideGrantDto } from './decide-grant.dto.js';
import { DecideGrantRequest } from './decide-grant.handler.js';

/** Awb 6:7 and 6:4: bezwaar within six weeks, addressed to the body that decided. */
export const DEFAULT_APPEAL: AppealRoute = { route: 'bezwaar', periodWeeks: 6, addressedTo: 'college van burgemeester en wethouders' };

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class DecideGrantController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/grant-decision',
    created: false,
    roles: PLAN_MANAGERS,
    summary: "Record the beschikking: grant (amount committed under the round's ceiling, else 409 ROUND.CEILING_EXCEEDED) or refusal, with the appeal route",
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED', 'PROPOSAL.INVALID_AMOUNT', 'PROPOSAL.DECISION_DATE_DOES_NOT_EXIST', 'ROUND.INVALID_AMOUNT', 'ROUND.AREA_REQUIRED', 'ROUND.UNKNOWN_AREA'], 404: ['ROUND.NOT_FOUND'], 409: ['PROPOSAL.WRONG_STATUS', 'PROPOSAL.CRITERIA_NOT_MET', 'PROPOSAL.GRANT_EXCEEDS_REQUEST', 'ROUND.WRONG_PHASE', 'ROUND.CEILING_EXCEEDED'] }),
    headers: PLAN_REACTIONS_HEADER,
  })
  async decide(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: DecideGrantDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<DecideGrantDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const data = {
      proposalId,
      granted: body.granted,
      amountCents: body.granted ? body.amountCents! : 0,
      decisionReference: body.decisionReference,
      decisionDate: body.decisionDate,
      appeal: body.appeal ?? DEFAULT_APPEAL,
      reason: body.reason,
      at: now.toISOString(),
    };
    const result = await this.commands.execute(new DecideGrantRequest(data, envelope));
    return planAccepted(this.shell, response, proposalId, result);
  }
}
