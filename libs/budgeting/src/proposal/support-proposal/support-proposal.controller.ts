import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import { PLAN_MANAGERS, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { SupportProposalDto } from './support-proposal.dto.js';
import { SupportProposalRequest } from './support-proposal.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class SupportProposalController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':proposalId/support')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Record a support statement (each pseudonym once); reaching the frame\'s threshold is recorded too' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  support(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() body: SupportProposalDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = this.sender.expectedRevision(ifMatch);
    const context = this.sender.context(principal, PLAN_MANAGERS, correlationId);
    return this.sender.send(new SupportProposalRequest(proposalId, body.supporterRef, context, expectedRevision), response);
  }
}
