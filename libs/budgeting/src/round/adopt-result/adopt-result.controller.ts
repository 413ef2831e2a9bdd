import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { decisionOf, roundAccepted, RoundCommandEndpoint } from '../round-endpoint.js';
import { AdoptResultDto } from './adopt-result.dto.js';
import { AdoptResultRequest } from './adopt-result.handler.js';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class AdoptResultController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @RoundCommandEndpoint(':roundId/result/adoption', 'Adopt the published result (ResultAdopted), with the decision the regime requires; releases the frame freeze', { 400: ['ROUND.REASON_REQUIRED', 'ROUND.DECISION_REQUIRED', 'ROUND.DECISION_DATE_DOES_NOT_EXIST'], 409: ['ROUND.WRONG_PHASE', 'ROUND.RESULT_NOT_PUBLISHED', 'ROUND.RESULT_ALREADY_ADOPTED', 'ROUND.WRONG_DECIDING_BODY', 'BALLOT_BOX.NO_BALLOT_RULES'] })
  async adopt(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: AdoptResultDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const envelope = this.shell.envelope(call, WRITE_ROLES, { reason: body.reason });
    const at = envelope.context.now.toISOString();
    const data = { roundId, decision: decisionOf(body.decision), reason: body.reason ?? '', at };
    return roundAccepted(this.shell, response, roundId, await this.commands.execute(new AdoptResultRequest(data, envelope)));
  }
}
