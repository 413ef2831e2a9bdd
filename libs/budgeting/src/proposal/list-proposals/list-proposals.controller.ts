import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, StreamIdPipe } from '@lib/platform';
import { proposalView, ProposalView } from '../get-proposal/get-proposal.controller.js';
import { PLAN_READERS } from '../proposal.roles.js';
import { ListProposals } from './list-proposals.query.js';

@ApiSchema({ description: 'The plans of a round, in submission order' })
export class ProposalListView {
  @ApiProperty({ type: [ProposalView] })
  plans!: ProposalView[];

  @ApiProperty({ example: false, description: 'True when the list was cut short (at most 500 plans until the read model exists)' })
  truncated!: boolean;
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('rounds')
export class ListProposalsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId/proposals')
  @Allow(...PLAN_READERS)
  @ApiOperation({ summary: 'The plans of a round, in submission order (folded from their streams; no contact details)' })
  @ApiOkResponse({ type: ProposalListView })
  @ApiProblems({ 400: [], 403: ['PROPOSAL.WRONG_ROUND'], 404: ['ROUND.NOT_FOUND'] })
  async list(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal): Promise<ProposalListView> {
    const { plans, truncated } = await this.queries.execute(new ListProposals(roundId, principal.tenant));
    return { plans: plans.map(proposalView), truncated };
  }
}
