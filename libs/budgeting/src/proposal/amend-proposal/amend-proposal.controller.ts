import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import { ExecuteProposalCommand, PLAN_MANAGERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { AmendProposalDto } from './amend-proposal.dto.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class AmendProposalController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':proposalId/amendments')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Amend a plan: adds a version; every earlier version, the original first, is kept' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the plan you read' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  amend(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() body: AmendProposalDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = this.sender.expectedRevision(ifMatch);
    const context = this.sender.context(principal, PLAN_MANAGERS, correlationId, body.reason);
    const { title, summary, costEstimate, reason } = plainData<AmendProposalDto>(body);
    return this.sender.send(
      new ExecuteProposalCommand({ type: 'AmendProposal', data: { proposalId, title, summary, costEstimate, reason, at: context.now.toISOString() } }, context, expectedRevision),
      response,
    );
  }
}
