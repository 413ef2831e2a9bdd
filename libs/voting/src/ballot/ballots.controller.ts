import { Body, Controller, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CLOCK, type Clock, CurrentPrincipal, etagOf, expectedRevisionFrom, ID_GENERATOR, type IdGenerator, type Principal } from '@lib/platform';
import { assertVoterOfRound, BallotContentDto, contentOf, contextOf, VotingIdPipe, VotingRequest } from '../voting-http.js';
import { BallotRevisionRequiredError } from './ballot.errors.js';
import { castBallotFor, myBallot } from './cast-ballot/cast-ballot.handler.js';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/ballots')
export class BallotsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow('voter')
  @ApiOperation({ summary: 'Cast your ballot (once; the store refuses a second one). `ETag` is the revision to replace it with.' })
  async cast(
    @Param('roundId', VotingIdPipe) roundId: string,
    @Body() body: BallotContentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ revision: string; events: string[] }> {
    assertVoterOfRound(principal, roundId);
    const context = contextOf(principal, ['voter'], this.clock.now(), correlation, () => this.ids.newId());
    const content = contentOf(body);
    const result = await this.commands.execute(
      new VotingRequest('CastBallot', (deps) => castBallotFor(deps, { roundId, participantRef: principal.subject, content, channel: 'online', verification: 'voting-code' }, context)),
    );
    response.setHeader('ETag', etagOf(result.nextRevision));
    return { revision: result.nextRevision.toString(), events: result.events.map((e) => e.type) };
  }

  @Put('mine')
  @Allow('voter')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of your standing ballot' })
  @ApiOperation({ summary: 'Replace your ballot while voting is open (If-Match required)' })
  async replace(
    @Param('roundId', VotingIdPipe) roundId: string,
    @Body() body: BallotContentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ revision: string; events: string[] }> {
    assertVoterOfRound(principal, roundId);
    const replaceAt = expectedRevisionFrom(ifMatch);
    if (replaceAt === undefined) throw new BallotRevisionRequiredError('Send If-Match with the ETag of the ballot you replace');
    const context = contextOf(principal, ['voter'], this.clock.now(), correlation, () => this.ids.newId());
    const content = contentOf(body);
    const result = await this.commands.execute(
      new VotingRequest('ReplaceBallot', (deps) =>
        castBallotFor(deps, { roundId, participantRef: principal.subject, content, channel: 'online', verification: 'voting-code' }, context, { replaceAt }),
      ),
    );
    response.setHeader('ETag', etagOf(result.nextRevision));
    return { revision: result.nextRevision.toString(), events: result.events.map((e) => e.type) };
  }

  @Get('mine')
  @Allow('voter')
  @ApiOperation({ summary: 'Your standing ballot (only you can see it, and only while the round is not sealed)' })
  async mine(@Param('roundId', VotingIdPipe) roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    assertVoterOfRound(principal, roundId);
    const ballot = await this.commands.execute(new VotingRequest('GetMyBallot', (deps) => myBallot(deps, roundId, principal.subject, principal.tenant)));
    if (!ballot) throw new NotFoundException({ code: 'BALLOT.NOT_CAST', message: 'You have not voted yet' });
    response.setHeader('ETag', etagOf(ballot.revision));
    return { channel: ballot.channel, content: ballot.content, revision: ballot.revision.toString() };
  }
}
