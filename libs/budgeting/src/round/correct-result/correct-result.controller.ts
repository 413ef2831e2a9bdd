import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandShell, plain, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import type { PlanOutcome } from '../round.events.js';
import { decisionOf, roundAccepted, RoundCommandEndpoint, winnersOf } from '../round-endpoint.js';
import { CorrectResultDto } from './correct-result.dto.js';
import { CorrectResultRequest } from './correct-result.handler.js';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class CorrectResultController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @RoundCommandEndpoint(':roundId/result/corrections', 'Correct the published result (ResultCorrected) with a reason and the decision behind it', { 400: ['ROUND.REASON_REQUIRED', 'ROUND.INVALID_RESULT', 'ROUND.DECISION_REQUIRED', 'ROUND.DECISION_DATE_DOES_NOT_EXIST'], 409: ['ROUND.WRONG_PHASE', 'ROUND.RESULT_NOT_PUBLISHED', 'ROUND.RESULT_EXCEEDS_CEILING'] })
  async correct(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: CorrectResultDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const envelope = this.shell.envelope(call, WRITE_ROLES, { reason: body.reason });
    const at = envelope.context.now.toISOString();
    const data = {
      roundId,
      winners: winnersOf(body.winners),
      explanation: plain<PlanOutcome[]>(body.explanation),
      reason: body.reason ?? '',
      decision: decisionOf(body.decision),
      at,
    };
    return roundAccepted(this.shell, response, roundId, await this.commands.execute(new CorrectResultRequest(data, envelope)));
  }
}
