import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, READ_ROLES, StreamIdPipe } from '@lib/platform';
import { GetCount } from './get-count.query.js';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class GetCountController {
  constructor(private readonly queries: QueryBus) {}

  @Get('count')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: "Count the standing ballots with the frame's rule (once voting closed, else 409 COUNT.VOTING_OPEN); works after sealing too" })
  @ApiProblems(400, 401, 403, 404, 409)
  async count(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal) {
    const { result, ballots } = await this.queries.execute(new GetCount(roundId, principal.tenant));
    return { ballots, rule: result.rule, winners: result.winners, cost: result.cost, budget: result.budget, projects: result.projects, tieBreaks: result.tieBreaks };
  }
}
