import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, StreamIdPipe } from '@lib/platform';
import { assertVoterOfRound } from '../ballot.voter.js';
import { type BallotPaper, GetBallotPaper } from './ballot-paper.query.js';

@ApiSchema({ description: 'An area on the ballot paper, by code and name' })
export class BallotPaperAreaView {
  @ApiProperty({ example: 'WIJK-1' })
  code!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Oost', description: 'The area\'s name in the frame; null when the frame does not name it' })
  name!: string | null;
}

@ApiSchema({ description: 'A plan on the ballot paper: title, cost, area and theme' })
export class BallotPaperPlanView {
  @ApiProperty({ example: '3f1c…', description: 'The id to put on the ballot' })
  id!: string;
  @ApiProperty({ example: 'Speeltuin Oosterpark' })
  title!: string;
  @ApiProperty({ example: 2_500_000, description: 'What the plan costs, in cents (the amount the cost cap and minimum spend add up)' })
  costCents!: number;
  @ApiProperty({ type: BallotPaperAreaView, nullable: true })
  area!: BallotPaperAreaView | null;
  @ApiProperty({ type: String, nullable: true, example: 'spelen', description: 'The plan\'s theme id (what the theme quotas count)' })
  theme!: string | null;
}

@ApiSchema({ description: 'A theme quota on the ballot paper: at least or at most this many plans of one theme' })
export class ThemeQuotaView {
  @ApiProperty({ example: 'groen' })
  theme!: string;
  @ApiProperty({ type: Number, nullable: true, example: 1 })
  minPlans!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null })
  maxPlans!: number | null;
}

@ApiSchema({ description: 'The ballot paper\'s rules from the frame: number of plans, cost cap, minimum spend, points, ranking length, theme quotas' })
export class BallotPaperRulesView {
  @ApiProperty({ type: Number, nullable: true, example: 1, description: 'A ballot names at least this many plans (never fewer than one)' })
  minPlans!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 5 })
  maxPlans!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 10_000_000, description: 'approval: the chosen plans cost at most this together' })
  costCapCents!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 2_500_000, description: 'approval: the chosen plans cost at least this together' })
  minSpendCents!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null, description: 'cumulative: points to distribute; scoring: the highest score per plan' })
  points!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null, description: 'ordinal: how many plans a voter ranks at most' })
  rankingLength!: number | null;
  @ApiProperty({ type: [ThemeQuotaView] })
  themeQuotas!: ThemeQuotaView[];
}

@ApiSchema({ description: 'The voter\'s ballot paper: the plans on it and the rules a ballot must keep' })
export class BallotPaperView {
  @ApiProperty({ example: 'r-2026' })
  roundId!: string;
  @ApiProperty({ enum: ['prepared', 'open', 'closed', 'sealed'], example: 'open', description: 'Ballots are taken while `open`' })
  phase!: string;
  @ApiProperty({ example: 1, description: 'The frame version the round votes under' })
  frameVersion!: number;
  @ApiProperty({ enum: ['approval', 'choose-1', 'cumulative', 'ordinal', 'scoring'], example: 'approval', description: 'The `type` of the ballot to cast' })
  type!: string;
  @ApiProperty({ type: BallotPaperRulesView })
  rules!: BallotPaperRulesView;
  @ApiProperty({ example: 30_000_000 })
  budgetCents!: number;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ type: [BallotPaperPlanView] })
  plans!: BallotPaperPlanView[];
}

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/ballot-paper')
export class BallotPaperController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Allow('voter')
  @ApiOperation({ summary: 'Your ballot paper: the plans on the ballot (cost, area, theme) and the rules a ballot must meet' })
  @ApiOkResponse({ type: BallotPaperView })
  @ApiProblems({ 400: [], 403: ['BALLOT.WRONG_ROUND'], 404: ['BALLOTBOX.NOT_FOUND'] })
  paper(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal): Promise<BallotPaper> {
    assertVoterOfRound(principal, roundId);
    return this.queries.execute(new GetBallotPaper(roundId, principal.tenant));
  }
}
