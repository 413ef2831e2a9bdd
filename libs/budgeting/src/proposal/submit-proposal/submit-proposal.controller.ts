import { BadRequestException, Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import { PLAN_MANAGERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { SubmitProposalDto } from './submit-proposal.dto.js';
import { SubmitProposalRequest } from './submit-proposal.handler.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

@ApiTags('plans')
@ApiBearerAuth()
@Controller('rounds')
export class SubmitProposalController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':roundId/proposals')
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Submit a plan on a resident\'s behalf; contact details are stored encrypted outside the events' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A unique key per plan (8–200 of A-Z a-z 0-9 . _ : -, e.g. a uuid): a retry with the same key and body answers with the plan the first attempt made; with another body it is 409 PROPOSAL.IDEMPOTENCY_KEY_REUSED' })
  @ApiCreatedResponse({ type: ProposalCommandAcceptedDto, description: 'Location: /proposals/{id}; ETag: the new stream\'s revision' })
  @PlanProblems(400, 401, 403, 404, 409)
  async submit(
    @Param('roundId', PlanIdPipe) roundId: string,
    @Body() body: SubmitProposalDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) throw new BadRequestException({ code: 'REQUEST.INVALID', message: 'Idempotency-Key: 8 to 200 of A-Z a-z 0-9 . _ : -' });
    const context = this.sender.context(principal, PLAN_MANAGERS, correlationId);
    const accepted = await this.sender.send(new SubmitProposalRequest(roundId, plainData(body), context, idempotencyKey), response);
    response.setHeader('Location', `/proposals/${accepted.id}`);
    return accepted;
  }
}
