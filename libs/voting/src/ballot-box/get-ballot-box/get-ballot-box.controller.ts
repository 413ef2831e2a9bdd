import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, etagOf, type Principal, READ_ROLES, StreamIdPipe } from '@lib/platform';
import { type BallotBoxWithRoll, GetBallotBox } from './get-ballot-box.query.js';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class GetBallotBoxController {
  constructor(private readonly queries: QueryBus) {}

  @Get('ballot-box')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The box: phase, rules, plans and roll counts; ETag is the stream revision' })
  @ApiOkResponse({
    description:
      'The box as folded from `BallotBox-<roundId>`: `phase` (prepared, open, closed, sealed) and the frame it votes under (ballot and tally rules, eligibility, budget, plans); with the roll counts `registered` and `eligible`, counted from the round\'s `ParticipantRegistered` events (a re-issued code\'s successor is no new participant). The counts are not part of the `ETag` (the box\'s revision, for `If-Match`), so the answer is `Cache-Control: no-store`',
    schema: { type: 'object', example: { phase: 'open', roundId: 'r-2026', frame: { budgetId: 'b-1', plans: [] }, registered: 1200, eligible: 1180 } },
  })
  @ApiProblems({ 400: [], 404: ['BALLOTBOX.NOT_FOUND'] })
  async get(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<BallotBoxWithRoll> {
    const box = await this.queries.execute(new GetBallotBox(roundId, principal.tenant));
    response.setHeader('ETag', etagOf(box.revision));
    // The roll grows in the Participant streams, not in the box: its revision does not cover the counts.
    response.setHeader('Cache-Control', 'no-store');
    return box.state;
  }
}
