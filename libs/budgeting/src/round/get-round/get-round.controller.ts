import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, etagOf, type Principal, READ_ROLES, StreamIdPipe } from '@lib/platform';
import { GetRound, RoundView } from './get-round.query.js';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class GetRoundController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The round folded from its stream: phase, frame version, criteria published before submission, ceiling and commitments, result' })
  @ApiOkResponse({ type: RoundView })
  @ApiProblems({ 400: [], 404: ['ROUND.NOT_FOUND'] })
  async get(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<RoundView> {
    const { view, revision } = await this.queries.execute(new GetRound(roundId, principal.tenant));
    response.setHeader('ETag', etagOf(revision));
    return view;
  }
}
