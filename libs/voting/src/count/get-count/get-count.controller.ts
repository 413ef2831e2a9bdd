import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { ProjectReport, RuleName, TieBreakRecord } from '@lib/tally';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, READ_ROLES, StreamIdPipe } from '@lib/platform';
import { GetCount } from './get-count.query.js';

export class CountView {
  @ApiProperty({ example: 1843, description: 'Standing ballots counted' })
  ballots!: number;
  @ApiProperty({ example: 'greedy' })
  rule!: RuleName;
  @ApiProperty({ type: [String], example: ['3f1c…'] })
  winners!: string[];
  @ApiProperty({ example: '295000', description: 'Cost of the winners, in the counting unit (exact decimal string)' })
  cost!: string;
  @ApiProperty({ example: '300000' })
  budget!: string;
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
  @ApiProblems(400, 401, 403, 404, 409)
  async count(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal): Promise<CountView> {
    const { result, ballots } = await this.queries.execute(new GetCount(roundId, principal.tenant));
    return { ballots, rule: result.rule, winners: result.winners, cost: result.cost, budget: result.budget, projects: result.projects, tieBreaks: result.tieBreaks };
  }
}
