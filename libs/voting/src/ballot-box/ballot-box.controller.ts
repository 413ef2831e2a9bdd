import { Body, Controller, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Allow, CLOCK, type Clock, CurrentPrincipal, etagOf, expectedRevisionFrom, ID_GENERATOR, type IdGenerator, type Principal, READ_ROLES, WRITE_ROLES } from '@lib/platform';
import { countRound } from '../count/count-round.js';
import { loadBallotBox } from '../voting.deps.js';
import { contextOf, VotingIdPipe, VotingRequest } from '../voting-http.js';
import { changePhase } from './change-phase/change-phase.handler.js';
import type { PhaseChange } from './change-phase/change-phase.command.js';
import { prepareBallotBoxFromBudget } from './prepare-ballot-box/prepare-ballot-box.handler.js';

export class PrepareBallotBoxDto {
  @ApiProperty({ example: 'b3f1c2d4-0d7e-4a53-9a8e-3f0c4b1e2a77' })
  @IsString()
  budgetId!: string;

  @ApiProperty({ type: [String], description: 'Plans admitted to this round\'s ballot' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  proposalIds!: string[];

  @ApiProperty({ required: false, enum: ['paper', 'online'], description: 'Which ballot counts when a code was used on paper and online (default paper)' })
  @IsOptional()
  @IsIn(['paper', 'online'])
  paperPrecedence?: 'paper' | 'online';
}

export class PhaseChangeDto {
  @ApiProperty({ example: 'Voting period per the council decision of 12 March' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class BallotBoxController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post('ballot-box')
  @HttpCode(201)
  @Allow(...WRITE_ROLES)
  @ApiOperation({ summary: 'Prepare the ballot box: the frame version in force and the admitted plans (BallotBoxPrepared)' })
  async prepare(@Param('roundId', VotingIdPipe) roundId: string, @Body() body: PrepareBallotBoxDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const context = contextOf(principal, WRITE_ROLES, this.clock.now(), undefined, () => this.ids.newId());
    const input = { roundId, budgetId: body.budgetId, proposalIds: [...body.proposalIds], ...(body.paperPrecedence ? { paperPrecedence: body.paperPrecedence } : {}) };
    const result = await this.commands.execute(new VotingRequest('PrepareBallotBox', (deps) => prepareBallotBoxFromBudget(deps, input, context)));
    response.setHeader('ETag', etagOf(result.nextRevision));
    return { id: roundId, revision: result.nextRevision.toString(), events: result.events.map((e) => e.type) };
  }

  @Post('ballot-box/:change')
  @HttpCode(200)
  @Allow(...WRITE_ROLES)
  @ApiOperation({ summary: 'open | close | seal the box (seal destroys the round key: codes no longer lead to ballots)' })
  async change(
    @Param('roundId', VotingIdPipe) roundId: string,
    @Param('change') change: string,
    @Body() body: PhaseChangeDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!['open', 'close', 'seal'].includes(change)) throw new NotFoundException({ code: 'HTTP.NOT_FOUND', message: 'Use open, close or seal' });
    const context = contextOf(principal, WRITE_ROLES, this.clock.now(), undefined, () => this.ids.newId(), body.reason);
    const expected = expectedRevisionFrom(ifMatch);
    const result = await this.commands.execute(
      new VotingRequest('ChangeBallotBoxPhase', (deps) => changePhase(deps, { roundId, change: change as PhaseChange, reason: body.reason }, context, expected)),
    );
    response.setHeader('ETag', etagOf(result.nextRevision));
    return { id: roundId, revision: result.nextRevision.toString(), events: result.events.map((e) => e.type) };
  }

  @Get('ballot-box')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The box: phase, rules, plans and roll counts' })
  async get(@Param('roundId', VotingIdPipe) roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const box = await this.commands.execute(new VotingRequest('GetBallotBox', (deps) => loadBallotBox(deps.store, roundId, principal.tenant)));
    response.setHeader('ETag', etagOf(box.revision));
    return box.state;
  }

  @Get('count')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Count the standing ballots with the frame\'s rule (once voting closed); works after sealing too' })
  async count(@Param('roundId', VotingIdPipe) roundId: string, @CurrentPrincipal() principal: Principal) {
    const { result, ballots } = await this.commands.execute(new VotingRequest('CountRound', (deps) => countRound(deps.store, roundId, principal.tenant)));
    return { ballots, rule: result.rule, winners: result.winners, cost: result.cost, budget: result.budget, projects: result.projects, tieBreaks: result.tieBreaks };
  }
}
