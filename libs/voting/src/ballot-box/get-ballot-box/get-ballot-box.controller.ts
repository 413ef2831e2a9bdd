import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, etagOf, type Principal, READ_ROLES, StreamIdPipe } from '@lib/platform';
import type { PreparedBox } from '../../voting.deps.js';
import { GetBallotBox } from './get-ballot-box.query.js';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class GetBallotBoxController {
  constructor(private readonly queries: QueryBus) {}

  @Get('ballot-box')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The box: phase, rules, plans and roll counts; ETag is the stream revision' })
  @ApiOkResponse({
    description: 'The box as folded from `BallotBox-<roundId>`: `phase` (prepared, open, closed, sealed), the frame it votes under (ballot and tally rules, eligibility, budget, plans) and the roll counts',
    schema: { type: 'object', example: { phase: 'open', roundId: 'r-2026', frame: { budgetId: 'b-1', plans: [] }, registered: 1200, eligible: 1180 } },
  })
  @ApiProblems({ 400: [], 404: ['BALLOTBOX.NOT_FOUND'] })
  async get(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<PreparedBox> {
    const box = await this.queries.execute(new GetBallotBox(roundId, principal.tenant));
    response.setHeader('ETag', etagOf(box.revision));
    return box.state;
  }
}
