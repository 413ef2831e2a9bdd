import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, etagOf, type Principal, StreamIdPipe } from '@lib/platform';
import { assertVoterOfRound } from '../ballot.voter.js';
import { GetMyBallot } from './my-ballot.query.js';

/**
 * That the voter's ballot stands, how it was cast and its revision (to replace it), never what it
 * says: whoever holds a code (a housemate, whoever printed the letters) must not read a vote back.
 * The receipt, given once at casting, is how a voter checks their ballot was counted.
 */
@ApiSchema({ description: 'The voter\'s own standing ballot: its channel and revision (the ETag to replace it), not its content' })
export class MyBallotView {
  @ApiProperty({ example: 'online', enum: ['online', 'assisted', 'paper'] })
  channel!: string;
  @ApiProperty({ example: '0', description: 'The same value as the ETag' })
  revision!: string;
}

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/ballots')
export class MyBallotController {
  constructor(private readonly queries: QueryBus) {}

  @Get('mine')
  @Allow('voter')
  @ApiOperation({ summary: 'Whether your ballot stands, and its revision to replace it (not what it says: the receipt checks it was counted); 404 BALLOT.NOT_CAST before you voted' })
  @ApiOkResponse({ type: MyBallotView })
  @ApiProblems({ 400: [], 403: ['BALLOT.WRONG_ROUND'], 404: ['BALLOT.NOT_CAST', 'PARTICIPANT.NOT_FOUND'], 409: ['ROUND_KEY.DESTROYED'] })
  async mine(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<MyBallotView> {
    assertVoterOfRound(principal, roundId);
    const ballot = await this.queries.execute(new GetMyBallot(roundId, principal.subject, principal.tenant));
    if (!ballot) throw new NotFoundException({ code: 'BALLOT.NOT_CAST', message: 'You have not voted yet' });
    response.setHeader('ETag', etagOf(ballot.revision));
    return { channel: ballot.channel, revision: ballot.revision.toString() };
  }
}
