import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe } from '@lib/platform';
import { BALLOT_CONTENT_PROBLEMS, BallotAcceptedDto, BallotContentDto, contentOf } from '../ballot-content.dto.js';
import { assertVoterOfRound } from '../ballot.voter.js';
import { CastBallotRequest } from './cast-ballot.handler.js';

const VOTER = ['voter'] as const;

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/ballots')
export class CastBallotController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    roles: VOTER,
    summary: 'Cast your ballot (once; the store refuses a second one). `ETag` is the revision to replace it with.',
    type: BallotAcceptedDto,
    ifMatch: false,
    problems: { 400: [...BALLOT_CONTENT_PROBLEMS], 403: ['BALLOT.WRONG_ROUND', 'BALLOT.CODE_BLOCKED', 'BALLOT.NOT_ELIGIBLE'], 404: ['BALLOTBOX.NOT_FOUND'], 409: ['BALLOT.ALREADY_CAST', 'BALLOT.VOTING_CLOSED', 'ROUND_KEY.DESTROYED'] },
  })
  async cast(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: BallotContentDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BallotAcceptedDto> {
    assertVoterOfRound(call.principal, roundId);
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, VOTER);
    const content = contentOf(body);
    const data = { roundId, participantRef: call.principal.subject, content, channel: 'online' as const, verification: call.principal.signedInWith === 'oidc' ? ('oidc' as const) : ('voting-code' as const) };
    const result = await this.commands.execute(new CastBallotRequest(data, envelope));
    const { revision, events } = this.shell.accepted(response, roundId, result);
    // The receipt is in this answer only: no cache may keep it.
    response.setHeader('Cache-Control', 'no-store');
    return { revision, events, receipt: result.receipt! };
  }
}
