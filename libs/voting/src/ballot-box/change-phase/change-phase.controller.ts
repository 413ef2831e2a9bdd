import { Body, Controller, NotFoundException, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import type { PhaseChange } from './change-phase.command.js';
import { PhaseChangeDto } from './change-phase.dto.js';
import { ChangeBallotBoxPhaseRequest } from './change-phase.handler.js';

const CHANGES: readonly string[] = ['open', 'close', 'seal'] satisfies PhaseChange[];

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class ChangeBallotBoxPhaseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: 'ballot-box/:change',
    created: false,
    roles: WRITE_ROLES,
    summary: 'open | close | seal the box (seal destroys the round key: codes no longer lead to ballots)',
    problems: { 400: ['BALLOT_BOX.REASON_REQUIRED'], 404: ['HTTP.NOT_FOUND', 'BALLOTBOX.NOT_FOUND'], 409: ['BALLOT_BOX.WRONG_PHASE', 'BALLOT_BOX.ROUND_NOT_VOTING', 'BALLOT_BOX.RESULT_NOT_ADOPTED'] },
  })
  @ApiParam({ name: 'change', enum: CHANGES })
  async change(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Param('change') change: string,
    @Body() body: PhaseChangeDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    if (!CHANGES.includes(change)) throw new NotFoundException({ code: 'HTTP.NOT_FOUND', message: 'Use open, close or seal' });
    const envelope = this.shell.envelope(call, WRITE_ROLES, { reason: body.reason });
    const result = await this.commands.execute(new ChangeBallotBoxPhaseRequest({ roundId, change: change as PhaseChange, reason: body.reason }, envelope));
    return this.shell.accepted(response, roundId, result);
  }
}
