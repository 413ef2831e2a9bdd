import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import { ExecuteProposalCommand, PLAN_REVIEWERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { DeclareConflictOfInterestDto } from './declare-conflict-of-interest.dto.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class DeclareConflictOfInterestController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':proposalId/conflicts-of-interest')
  @HttpCode(200)
  @Allow(...PLAN_REVIEWERS)
  @ApiOperation({ summary: 'Declare your own conflict of interest for a plan: you can no longer review it' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the plan you read' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  declare(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() input: DeclareConflictOfInterestDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = this.sender.expectedRevision(ifMatch);
    const body = plainData<DeclareConflictOfInterestDto>(input);
    const context = this.sender.context(principal, PLAN_REVIEWERS, correlationId, body.reason);
    const at = context.now.toISOString();
    return this.sender.send(new ExecuteProposalCommand({ type: 'DeclareConflictOfInterest', data: { proposalId, reviewerRef: principal.subject, reason: body.reason, at } }, context, expectedRevision), response);
  }
}
