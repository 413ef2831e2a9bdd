import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import { PLAN_MANAGERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { RecordSelectionDto } from './record-selection.dto.js';
import { RecordSelectionRequest } from './record-selection.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class RecordSelectionController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':proposalId/selection')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Record what the round\'s adopted (or corrected) result says about the plan: selected or not' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the plan you read' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  record(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() input: RecordSelectionDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = this.sender.expectedRevision(ifMatch);
    const body = plainData<RecordSelectionDto>(input);
    const context = this.sender.context(principal, PLAN_MANAGERS, correlationId, body.reason);
    return this.sender.send(new RecordSelectionRequest(proposalId, body.selected ?? null, body.reason, context, expectedRevision), response);
  }
}
