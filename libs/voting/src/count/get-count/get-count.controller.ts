import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { type Completion, type ProjectReport, RULES, type RuleName, type TallyResult, type TieBreakRecord, type UnspentCode } from '@lib/tally';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, READ_ROLES, StreamIdPipe } from '@lib/platform';
import { GetCount } from './get-count.query.js';

@ApiSchema({ description: 'greedy-reserve: what the reserve beside the budget paid, and for which plans' })
export class ReserveView {
  @ApiProperty({ example: 80, description: 'Share of a plan\'s cost the budget left must cover, in percent' })
  percent!: number;
  @ApiPropertyOptional({ example: '50000', description: 'Money in the reserve, in the counting unit; absent when unlimited' })
  amount?: string;
  @ApiProperty({ example: '10000', description: 'What the reserve paid, in the counting unit' })
  used!: string;
  @ApiProperty({ type: [String], example: ['3f1c…'], description: 'Plans topped up from the reserve' })
  plans!: string[];
}

@ApiSchema({ description: 'What one pot of the count left unspent, and why' })
export class UnspentView {
  @ApiProperty({ example: 'city', description: 'The pot: `city`, or `area:<code>` / `theme:<id>` for a pot of its own' })
  pot!: string;
  @ApiProperty({ example: '55000', description: 'What the pot left unspent, in the counting unit (exact decimal string)' })
  amount!: string;
  @ApiProperty({ enum: ['none', 'all-funded', 'nothing-fits', 'below-threshold', 'no-support', 'stopped', 'equal-shares'], example: 'equal-shares' })
  code!: UnspentCode;
  @ApiProperty({ example: "€55.000 left: Equal Shares funds a plan only from its supporters' equal shares; \"p-7\" (costs €40.000) would fit, but its supporters had only €12.000" })
  text!: string;
  @ApiPropertyOptional({ example: 'p-7', description: 'The cheapest plan left out that would still fit' })
  plan?: string;
}

@ApiSchema({ description: 'What a completion of Equal Shares (add1, add1u) would select in place of plain Equal Shares' })
export class CompletionView {
  @ApiProperty({ enum: ['equalshares/add1', 'equalshares/add1u'], example: 'equalshares/add1' })
  rule!: Completion['rule'];
  @ApiProperty({ type: [String], example: ['p-1', 'p-7'], description: 'What the completion would select' })
  winners!: string[];
  @ApiProperty({ type: [String], example: ['p-7'], description: 'Its winners that plain Equal Shares did not select' })
  added!: string[];
  @ApiProperty({ type: [String], example: [], description: "Plain Equal Shares' winners it would not select" })
  dropped!: string[];
  @ApiProperty({ example: '85000' })
  cost!: string;
  @ApiProperty({ example: '15000' })
  leftover!: string;
  @ApiProperty({ example: 'Equal Shares left €55.000 unspent; equalshares/add1 adds "p-7", spending €85.000 and leaving €15.000' })
  text!: string;
}

@ApiSchema({ description: 'The count of a round\'s standing ballots with the frame\'s rule: winners, money, unspent money, per-plan reasons and ties' })
export class CountView {
  @ApiProperty({ example: 1843, description: 'Standing ballots counted' })
  ballots!: number;
  @ApiProperty({ enum: RULES, example: 'greedy' })
  rule!: RuleName;
  @ApiProperty({ type: [String], example: ['3f1c…'] })
  winners!: string[];
  @ApiProperty({ example: '295000', description: 'Cost of the winners, in the counting unit (exact decimal string)' })
  cost!: string;
  @ApiProperty({ example: '300000' })
  budget!: string;
  @ApiProperty({ example: '5000', description: 'What the budget left unspent (the reserve is not part of it)' })
  leftover!: string;
  @ApiPropertyOptional({
    type: ReserveView,
    description: 'greedy-reserve: what the reserve beside the budget paid, apart from the budget (`cost` includes it, `leftover` does not)',
  })
  reserve?: ReserveView;
  @ApiProperty({ type: [UnspentView], description: 'Per pot: what it left unspent and why' })
  unspent!: UnspentView[];
  @ApiPropertyOptional({
    type: [CompletionView],
    description: 'Plain Equal Shares that left money unspent: what each completion (add1, add1u) would select to spend it. The frame\'s rule decides; this only states the alternative',
  })
  completions?: CompletionView[];
  @ApiProperty({ description: 'Per plan: votes, score, cost, selected and why', example: [] })
  projects!: ProjectReport[];
  @ApiProperty({ description: 'Every tie and how it was broken', example: [] })
  tieBreaks!: TieBreakRecord[];
}

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class GetCountController {
  constructor(private readonly queries: QueryBus) {}

  @Get('count')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: "Count the standing ballots with the frame's rule (once voting closed, else 409 COUNT.VOTING_OPEN); works after sealing too" })
  @ApiOkResponse({ type: CountView })
  @ApiProblems({ 400: [], 404: ['BALLOTBOX.NOT_FOUND'], 409: ['COUNT.VOTING_OPEN'] })
  async count(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal): Promise<CountView> {
    const { result, ballots } = await this.queries.execute(new GetCount(roundId, principal.tenant));
    const reserve = reserveOf(result);
    return {
      ballots,
      rule: result.rule,
      winners: result.winners,
      cost: result.cost,
      budget: result.budget,
      leftover: result.leftover,
      ...(reserve ? { reserve } : {}),
      unspent: result.pots.map((p) => ({ pot: p.pot, ...p.unspent })),
      ...(result.completions ? { completions: result.completions } : {}),
      projects: result.projects,
      tieBreaks: result.tieBreaks,
    };
  }
}

/** greedy-reserve's top-up over every pot, apart from the budget. */
export function reserveOf(result: TallyResult): ReserveView | undefined {
  const pots = result.pots.filter((p) => p.reserve !== undefined);
  const first = pots[0]?.reserve;
  if (result.reserveUsed === undefined || first === undefined) return undefined;
  return {
    percent: first.percent,
    ...(first.amount !== undefined ? { amount: first.amount } : {}),
    used: result.reserveUsed,
    plans: pots.flatMap((p) => (p.reserve?.plan !== undefined ? [p.reserve.plan] : [])),
  };
}
