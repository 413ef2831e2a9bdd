import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { roundAccepted, RoundCommandEndpoint } from '../round-endpoint.js';
import { CommitFundsDto } from './commit-funds.dto.js';
import { CommitFundsRequest } from './commit-funds.handler.js';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class CommitFundsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @RoundCommandEndpoint(':roundId/commitments', 'Commit money for a plan against the round\'s (and the area\'s) ceiling (FundsCommitted); ROUND.CEILING_EXCEEDED past it', { 400: ['ROUND.INVALID_AMOUNT', 'ROUND.AREA_REQUIRED', 'ROUND.UNKNOWN_AREA'], 409: ['ROUND.WRONG_PHASE', 'ROUND.CEILING_EXCEEDED'] })
  async commit(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: CommitFundsDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const envelope = this.shell.envelope(call, WRITE_ROLES);
    const at = envelope.context.now.toISOString();
    const data = { roundId, proposalId: body.proposalId, amountCents: body.amountCents, areaCode: body.areaCode ?? null, at };
    return roundAccepted(this.shell, response, roundId, await this.commands.execute(new CommitFundsRequest(data, envelope)));
  }
}
