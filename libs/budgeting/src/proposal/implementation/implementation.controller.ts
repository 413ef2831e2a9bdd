import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_COMMAND_PROBLEMS, PLAN_MANAGERS } from '../proposal.roles.js';
import { CloseImplementationDto, RecordMoneyReturnedDto, RecordPaymentDto, StartImplementationDto } from './implementation.dto.js';
import { CloseImplementationRequest, RecordMoneyReturnedRequest, RecordPaymentRequest, StartImplementationRequest } from './implementation.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class ImplementationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({ method: 'POST', path: ':proposalId/implementation/start', created: false, roles: PLAN_MANAGERS, summary: 'Record that the granted plan is being carried out', problems: PLAN_COMMAND_PROBLEMS })
  async start(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: StartImplementationDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<StartImplementationDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now });
    const result = await this.commands.execute(new StartImplementationRequest({ proposalId, startedOn: body.startedOn, at: now.toISOString() }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/implementation/payments',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Record a payment (advances included); the total never exceeds the grant',
    problems: PLAN_COMMAND_PROBLEMS,
  })
  async pay(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: RecordPaymentDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const { paymentReference, amountCents } = plain<RecordPaymentDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now });
    const result = await this.commands.execute(new RecordPaymentRequest({ proposalId, paymentReference, amountCents, at: now.toISOString() }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/implementation/closure',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Close the implementation as realised, partly realised or cancelled; the unspent grant returns to the round',
    problems: PLAN_COMMAND_PROBLEMS,
  })
  async close(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: CloseImplementationDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const { outcome, reason } = plain<CloseImplementationDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason });
    const result = await this.commands.execute(new CloseImplementationRequest({ proposalId, outcome, reason, at: now.toISOString() }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/implementation/returns',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Record money paid back; once the plan is closed it returns to the round',
    problems: PLAN_COMMAND_PROBLEMS,
  })
  async giveBack(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: RecordMoneyReturnedDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const { reference, amountCents } = plain<RecordMoneyReturnedDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now });
    const result = await this.commands.execute(new RecordMoneyReturnedRequest({ proposalId, reference, amountCents, at: now.toISOString() }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
