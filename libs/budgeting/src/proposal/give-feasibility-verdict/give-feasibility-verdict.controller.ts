import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import { PLAN_REVIEWERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { GiveFeasibilityVerdictDto } from './give-feasibility-verdict.dto.js';
import { GiveFeasibilityVerdictRequest } from './give-feasibility-verdict.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class GiveFeasibilityVerdictController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':proposalId/verdicts')
  @HttpCode(200)
  @Allow(...PLAN_REVIEWERS)
  @ApiOperation({ summary: 'Give a feasibility verdict on one published criterion (needs_revision sends the plan back to the submitter); whoever submitted or entered the plan cannot (PROPOSAL.REVIEWER_IS_SUBMITTER)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the plan you read' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  give(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() input: GiveFeasibilityVerdictDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = this.sender.expectedRevision(ifMatch);
    const body = plainData<GiveFeasibilityVerdictDto>(input);
    const context = this.sender.context(principal, PLAN_REVIEWERS, correlationId, body.reason);
    const at = context.now.toISOString();
    const command = { proposalId, criterionId: body.criterionId, outcome: body.outcome, reason: body.reason, reviewerRef: principal.subject, at };
    return this.sender.send(new GiveFeasibilityVerdictRequest(command, context, expectedRevision), response);
  }
}
