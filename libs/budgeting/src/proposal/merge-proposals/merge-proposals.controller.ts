import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import { PLAN_MANAGERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { MergeProposalsDto } from './merge-proposals.dto.js';
import { MergeProposalsRequest } from './merge-proposals.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class MergeProposalsController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':proposalId/merge')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Merge another plan of the same round into this one; both streams record it' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the continuing plan' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  merge(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() input: MergeProposalsDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = this.sender.expectedRevision(ifMatch);
    const body = plainData<MergeProposalsDto>(input);
    const context = this.sender.context(principal, PLAN_MANAGERS, correlationId, body.reason);
    return this.sender.send(new MergeProposalsRequest(proposalId, body.mergedProposalId, body.reason, context, expectedRevision), response);
  }
}
