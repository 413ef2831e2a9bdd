import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, etagOf, type Principal, READ_ROLES, StreamIdPipe } from '@lib/platform';
import { BudgetFrameView } from '../budget-frame.dto.js';
import type { AreaAmount, BudgetFrame, DecisionReference } from '../budget.events.js';
import { currentFrameVersion, type FrameVersion } from '../budget.state.js';

import { GetBudget } from './get-budget.query.js';

@ApiSchema({ description: 'A budget folded from its stream: the frame version in force, its per-area amounts, every version and whether a round froze it' })
export class BudgetView {
  @ApiProperty({ example: 'b3f1c2d4-0d7e-4a53-9a8e-3f0c4b1e2a77' })
  budgetId!: string;
  @ApiProperty({ example: 'stadsdeel-burgerbegroting', nullable: true, type: String })
  template!: string | null;
  @ApiProperty({ example: 2, description: 'The frame version in force' })
  currentVersion!: number;
  @ApiProperty({ example: false, description: 'A round is voting under the version in force: amendments are refused' })
  frozen!: boolean;
  @ApiProperty({ type: BudgetFrameView, description: 'The frame in force' })
  frame!: BudgetFrame;
  @ApiProperty({ type: Object, isArray: true, example: [{ areaCode: 'WK036301', amountCents: 18_000_000 }] })
  areaAmounts!: AreaAmount[];
  @ApiProperty({ example: { body: 'council', number: 'RB-2025-118', date: '2025-12-11' } })
  decision!: DecisionReference;
  @ApiProperty({ type: Object, isArray: true, description: 'Every frame version, oldest first', example: [{ version: 1, since: '2026-01-15T10:00:00.000Z', reason: null, frozenBy: [], everFrozenBy: ['r-2026'] }] })
  versions!: FrameVersion[];
}

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets')
export class GetBudgetController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':budgetId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The budget folded from its stream: the frame in force and every version; ETag is the stream revision' })
  @ApiOkResponse({ type: BudgetView })
  @ApiProblems({ 400: [], 404: ['BUDGET.NOT_FOUND'] })
  async get(@Param('budgetId', StreamIdPipe) budgetId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<BudgetView> {
    const { state, revision } = await this.queries.execute(new GetBudget(budgetId, principal.tenant));
    const current = currentFrameVersion(state);
    response.setHeader('ETag', etagOf(revision));
    return {
      budgetId: state.budgetId,
      template: state.template,
      currentVersion: current.version,
      frozen: current.frozenBy.length > 0,
      frame: current.frame,
      areaAmounts: current.areaAmounts,
      decision: current.decision,
      versions: state.versions,
    };
  }
}
