import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import type { AppealRoute } from '../proposal.events.js';
import { PLAN_MANAGERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { DecideGrantDto } from './decide-grant.dto.js';
import { DecideGrantRequest } from './decide-grant.handler.js';

/** Awb 6:7 and 6:4: bezwaar within six weeks, addressed to the body that decided. */
export const DEFAULT_APPEAL: AppealRoute = { route: 'bezwaar', periodWeeks: 6, addressedTo: 'college van burgemeester en wethouders' };

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class DecideGrantController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':proposalId/grant-decision')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Record the beschikking: grant (amount committed under the round\'s ceiling) or refusal, with the appeal route' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  decide(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() input: DecideGrantDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = this.sender.expectedRevision(ifMatch);
    const body = plainData<DecideGrantDto>(input);
    const context = this.sender.context(principal, PLAN_MANAGERS, correlationId, body.reason);
    const data = {
      proposalId,
      granted: body.granted,
      amountCents: body.granted ? body.amountCents! : 0,
      decisionReference: body.decisionReference,
      decisionDate: body.decisionDate,
      appeal: body.appeal ?? DEFAULT_APPEAL,
      reason: body.reason,
      at: context.now.toISOString(),
    };
    return this.sender.send(new DecideGrantRequest({ type: 'DecideGrant', data }, context, expectedRevision), response);
  }
}
