import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { decisionOf, roundAccepted, RoundCommandEndpoint } from '../round-endpoint.js';
import { AdvancePhaseDto } from './advance-phase.dto.js';
import { AdvancePhaseRequest } from './advance-phase.handler.js';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class AdvancePhaseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @RoundCommandEndpoint(':roundId/phase-transitions', 'Move the round to its next phase (RoundPhaseAdvanced; SubmissionOpened / RoundRulesFrozen where they apply)', { 400: ['ROUND.REASON_REQUIRED', 'ROUND.DECISION_REQUIRED', 'ROUND.DECISION_DATE_DOES_NOT_EXIST', 'BALLOT_BOX.NO_PLANS'], 409: ['ROUND.INVALID_TRANSITION', 'ROUND.PHASE_NOT_OPEN', 'ROUND.PHASE_STILL_OPEN', 'ROUND.CEILING_EXCEEDED', 'ROUND.RESULT_NOT_PUBLISHED', 'ROUND.RESULT_NOT_ADOPTED', 'ROUND.WRONG_DECIDING_BODY', 'BALLOT_BOX.NO_BALLOT_RULES', 'BUDGET.FRAME_VERSION_OUTDATED'] })
  async advance(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: AdvancePhaseDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const envelope = this.shell.envelope(call, WRITE_ROLES, { reason: body.reason });
    const at = envelope.context.now.toISOString();
    const data = { roundId, to: body.to, reason: body.reason ?? '', decision: decisionOf(body.decision), at };
    return roundAccepted(this.shell, response, roundId, await this.commands.execute(new AdvancePhaseRequest(data, envelope)));
  }
}
