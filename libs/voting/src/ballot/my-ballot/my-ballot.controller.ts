import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, etagOf, type Principal, StreamIdPipe } from '@lib/platform';
import type { BallotContent } from '../ballot.content.js';
import { assertVoterOfRound } from '../ballot.voter.js';
import { GetMyBallot } from './my-ballot.query.js';

@ApiSchema({ description: 'The voter\'s own standing ballot: channel, content and revision' })
export class MyBallotView {
  @ApiProperty({ example: 'online', enum: ['online', 'assisted', 'paper'] })
  channel!: string;
  @ApiProperty({ example: { type: 'approval', choices: ['3f1c…'] } })
  content!: BallotContent;
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
  @ApiOperation({ summary: 'Your standing ballot (only you can see it, and only while the round is not sealed); 404 BALLOT.NOT_CAST before you voted' })
  @ApiOkResponse({ type: MyBallotView })
  @ApiProblems({ 400: [], 403: ['BALLOT.WRONG_ROUND'], 404: ['BALLOT.NOT_CAST', 'PARTICIPANT.NOT_FOUND'], 409: ['ROUND_KEY.DESTROYED'] })
  async mine(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<MyBallotView> {
    assertVoterOfRound(principal, roundId);
    const ballot = await this.queries.execute(new GetMyBallot(roundId, principal.subject, principal.tenant));
    if (!ballot) throw new NotFoundException({ code: 'BALLOT.NOT_CAST', message: 'You have not voted yet' });
    response.setHeader('ETag', etagOf(ballot.revision));
    return { channel: ballot.channel, content: ballot.content, revision: ballot.revision.toString() };
  }
}
