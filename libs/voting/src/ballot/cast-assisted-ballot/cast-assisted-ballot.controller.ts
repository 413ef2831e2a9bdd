import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe } from '@lib/platform';
import { OFFICIAL } from '../../paper-batch/paper-batch.roles.js';
import { BALLOT_CONTENT_PROBLEMS, BallotAcceptedDto, contentOf } from '../ballot-content.dto.js';
import { CastAssistedBallotDto } from './cast-assisted-ballot.dto.js';
import { CastAssistedBallotRequest } from './cast-assisted-ballot.handler.js';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/assisted-ballots')
export class CastAssistedBallotController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    roles: OFFICIAL,
    summary: 'Cast a ballot for a voter who is present, with their code (channel `assisted`; the same rules, and the receipt to hand to the voter)',
    type: BallotAcceptedDto,
    ifMatch: false,
    problems: { 400: [...BALLOT_CONTENT_PROBLEMS], 403: ['BALLOT.UNKNOWN_CODE', 'BALLOT.CODE_BLOCKED', 'BALLOT.NOT_ELIGIBLE'], 404: ['BALLOTBOX.NOT_FOUND'], 409: ['BALLOT.ALREADY_CAST', 'BALLOT.VOTING_CLOSED', 'ROUND_KEY.DESTROYED'] },
  })
  async cast(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: CastAssistedBallotDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BallotAcceptedDto> {
    const content = contentOf(body.ballot);
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, OFFICIAL);
    const result = await this.commands.execute(new CastAssistedBallotRequest({ roundId, code: body.code, content }, envelope));
    const { revision, events } = this.shell.accepted(response, roundId, result);
    response.setHeader('Cache-Control', 'no-store');
    return { revision, events, receipt: result.receipt! };
  }
}
