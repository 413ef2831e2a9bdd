import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { decisionOf, roundAccepted, RoundCommandEndpoint } from '../round-endpoint.js';
import { CancelRoundDto } from './cancel-round.dto.js';
import { CancelRoundRequest } from './cancel-round.handler.js';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class CancelRoundController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @RoundCommandEndpoint(':roundId/cancellation', 'Cancel the round before its result is adopted (RoundPhaseAdvanced to closed, RoundCancelled); the ballot box closes and the frame version is released', { 400: ['ROUND.REASON_REQUIRED', 'ROUND.DECISION_REQUIRED', 'ROUND.DECISION_DATE_DOES_NOT_EXIST'], 409: ['ROUND.NOT_CANCELLABLE'] })
  async cancel(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: CancelRoundDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const envelope = this.shell.envelope(call, WRITE_ROLES, { reason: body.reason });
    const data = { roundId, reason: body.reason, decision: decisionOf(body.decision), at: envelope.context.now.toISOString() };
    return roundAccepted(this.shell, response, roundId, await this.commands.execute(new CancelRoundRequest(data, envelope)));
  }
}
