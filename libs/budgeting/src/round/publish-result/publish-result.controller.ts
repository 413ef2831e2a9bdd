import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandShell, plain, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import type { PlanOutcome } from '../round.events.js';
import { decisionOf, roundAccepted, RoundCommandEndpoint, winnersOf } from '../round-endpoint.js';
import { PublishResultDto } from './publish-result.dto.js';
import { PublishResultRequest } from './publish-result.handler.js';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class PublishResultController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @RoundCommandEndpoint(':roundId/result', 'Publish the result (ResultPublished): a vote is counted here from the ballots with the frozen rule; a residents\' body\'s result is its decision (winners, explanation, decision)', { 400: ['ROUND.INVALID_RESULT', 'ROUND.DECISION_REQUIRED', 'ROUND.DECISION_DATE_DOES_NOT_EXIST'], 409: ['ROUND.WRONG_PHASE', 'ROUND.RESULT_ALREADY_PUBLISHED', 'ROUND.RESULT_IS_COUNTED', 'ROUND.DECIDED_BY_RESIDENTS_BODY', 'ROUND.WRONG_DECIDING_BODY', 'ROUND.RESULT_EXCEEDS_CEILING', 'COUNT.VOTING_OPEN'] })
  async publish(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: PublishResultDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const envelope = this.shell.envelope(call, WRITE_ROLES, { reason: body.reason });
    const at = envelope.context.now.toISOString();
    const data = {
      roundId,
      ...(body.winners === undefined ? {} : { winners: winnersOf(body.winners) }),
      ...(body.explanation === undefined ? {} : { explanation: plain<PlanOutcome[]>(body.explanation) }),
      ...(body.decision === undefined ? {} : { decision: decisionOf(body.decision) }),
      reason: body.reason ?? null,
      at,
    };
    return roundAccepted(this.shell, response, roundId, await this.commands.execute(new PublishResultRequest(data, envelope)));
  }
}
