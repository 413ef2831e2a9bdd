import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { RecordPaymentDto } from './record-payment.dto.js';
import { RecordPaymentRequest } from './record-payment.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class RecordPaymentController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/implementation/payments',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Record a payment (advances included); the total never exceeds the grant',
    problems: planProblems({ 400: ['PROPOSAL.INVALID_AMOUNT'], 409: ['PROPOSAL.WRONG_STATUS', 'PROPOSAL.PAYMENT_EXCEEDS_GRANT'] }),
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
}
