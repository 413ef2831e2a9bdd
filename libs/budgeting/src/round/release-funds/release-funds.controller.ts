import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { roundAccepted, RoundCommandEndpoint } from '../round-endpoint.js';
import { ReleaseFundsDto } from './release-funds.dto.js';
import { ReleaseFundsRequest } from './release-funds.handler.js';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class ReleaseFundsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @RoundCommandEndpoint(':roundId/releases', 'Release committed money back to the round (FundsReleased)', { 400: ['ROUND.INVALID_AMOUNT', 'ROUND.REASON_REQUIRED'], 409: ['ROUND.WRONG_PHASE', 'ROUND.RELEASE_EXCEEDS_COMMITMENT'] })
  async release(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: ReleaseFundsDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const envelope = this.shell.envelope(call, WRITE_ROLES, { reason: body.reason });
    const at = envelope.context.now.toISOString();
    const data = { roundId, proposalId: body.proposalId, amountCents: body.amountCents, reason: body.reason ?? '', at };
    return roundAccepted(this.shell, response, roundId, await this.commands.execute(new ReleaseFundsRequest(data, envelope)));
  }
}
