import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import { PLAN_MANAGERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { SubmitProposalDto } from './submit-proposal.dto.js';
import { SubmitProposalRequest } from './submit-proposal.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('rounds')
export class SubmitProposalController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':roundId/proposals')
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Submit a plan on a resident\'s behalf; contact details are stored encrypted outside the events' })
  @ApiCreatedResponse({ type: ProposalCommandAcceptedDto, description: 'Location: /proposals/{id}; ETag: the new stream\'s revision' })
  @PlanProblems(400, 401, 403, 404, 409)
  async submit(
    @Param('roundId', PlanIdPipe) roundId: string,
    @Body() body: SubmitProposalDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const context = this.sender.context(principal, PLAN_MANAGERS, correlationId);
    const accepted = await this.sender.send(new SubmitProposalRequest(roundId, plainData(body), context), response);
    response.setHeader('Location', `/proposals/${accepted.id}`);
    return accepted;
  }
}
