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

  @RoundCommandEndpoint(':roundId/phase-transitions', 'Move the round to its next phase (RoundPhaseAdvanced; SubmissionOpened / RoundRulesFrozen where they apply)')
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
