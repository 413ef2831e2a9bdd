import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import { ExecuteProposalCommand, PLAN_MANAGERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { ExtendDecisionDeadlineDto } from './extend-decision-deadline.dto.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class ExtendDecisionDeadlineController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':proposalId/decision-deadline-extension')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: "Extend an initiatievenfonds application's decision deadline, once, before it passes (Awb 4:14)" })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the plan you read' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  extend(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() input: ExtendDecisionDeadlineDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = this.sender.expectedRevision(ifMatch);
    const body = plainData<ExtendDecisionDeadlineDto>(input);
    const context = this.sender.context(principal, PLAN_MANAGERS, correlationId, body.reason);
    const at = context.now.toISOString();
    return this.sender.send(new ExecuteProposalCommand({ type: 'ExtendDecisionDeadline', data: { proposalId, extensionDays: body.extensionDays ?? null, reason: body.reason, at } }, context, expectedRevision), response);
  }
}
