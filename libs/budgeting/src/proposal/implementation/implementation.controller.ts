import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import type { Response } from 'express';
import type { ProposalCommand } from '../proposal.decider.js';
import { ExecuteProposalCommand, PLAN_MANAGERS, plainData, PlanProblems, ProposalCommandAcceptedDto, PlanIdPipe } from '../proposal-http.js';
import { ProposalCommandSender } from '../proposal-command.sender.js';
import { CloseImplementationDto, RecordMoneyReturnedDto, RecordPaymentDto, StartImplementationDto } from './implementation.dto.js';

@ApiTags('plans')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the plan you read' })
@Controller('proposals')
export class ImplementationController {
  constructor(private readonly sender: ProposalCommandSender) {}

  @Post(':proposalId/implementation/start')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Record that the granted plan is being carried out' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  start(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() body: StartImplementationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(principal, ifMatch, correlationId, response, undefined, (at) => ({ type: 'StartImplementation', data: { proposalId, startedOn: body.startedOn, at } }));
  }

  @Post(':proposalId/implementation/payments')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Record a payment (advances included); the total never exceeds the grant' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  pay(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() body: RecordPaymentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { paymentReference, amountCents } = plainData<RecordPaymentDto>(body);
    return this.run(principal, ifMatch, correlationId, response, undefined, (at) => ({ type: 'RecordPayment', data: { proposalId, paymentReference, amountCents, at } }));
  }

  @Post(':proposalId/implementation/closure')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Close the implementation as realised, partly realised or cancelled; the unspent grant returns to the round' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  close(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() body: CloseImplementationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { outcome, reason } = plainData<CloseImplementationDto>(body);
    return this.run(principal, ifMatch, correlationId, response, reason, (at) => ({ type: 'CloseImplementation', data: { proposalId, outcome, reason, at } }));
  }

  @Post(':proposalId/implementation/returns')
  @HttpCode(200)
  @Allow(...PLAN_MANAGERS)
  @ApiOperation({ summary: 'Record money paid back; once the plan is closed it returns to the round' })
  @ApiOkResponse({ type: ProposalCommandAcceptedDto })
  @PlanProblems(400, 401, 403, 404, 409, 412)
  giveBack(
    @Param('proposalId', PlanIdPipe) proposalId: string,
    @Body() body: RecordMoneyReturnedDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { reference, amountCents } = plainData<RecordMoneyReturnedDto>(body);
    return this.run(principal, ifMatch, correlationId, response, undefined, (at) => ({ type: 'RecordMoneyReturned', data: { proposalId, reference, amountCents, at } }));
  }

  private run(principal: Principal, ifMatch: string | undefined, correlationId: string | undefined, response: Response, reason: string | undefined, build: (at: string) => ProposalCommand) {
    const expectedRevision = this.sender.expectedRevision(ifMatch);
    const context = this.sender.context(principal, PLAN_MANAGERS, correlationId, reason);
    return this.sender.send(new ExecuteProposalCommand(build(context.now.toISOString()), context, expectedRevision), response);
  }
}
