import { Body, Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, WRITE_ROLES } from '@lib/platform';
import { PlanRoundDto } from './plan-round.dto.js';
import { PlanRoundRequest } from './plan-round.handler.js';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class PlanRoundController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    roles: WRITE_ROLES,
    summary: 'Plan a round under a budget (RoundPlanned): the form\'s pipeline, the schedule, the frame version in force',
    description: 'Created; `Location` is the round, `ETag` its revision',
    ifMatch: false,
    problems: { 400: ['ROUND.INVALID_PLAN', 'ROUND.UNKNOWN_BUDGET', 'ROUND.UNKNOWN_AREA'], 409: ['ROUND.ALREADY_PLANNED', 'ROUND.NO_BALLOT_RULES', 'ROUND.CARRY_OVER_NOT_ALLOWED', 'ROUND.CARRY_OVER_EXPIRED'] },
  })
  async plan(@Body() body: PlanRoundDto, @CommandCaller() call: CommandCall, @Res({ passthrough: true }) response: Response): Promise<CommandAcceptedDto> {
    const roundId = this.shell.newId();
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, WRITE_ROLES);
    const data = {
      roundId,
      budgetId: body.budgetId,
      title: body.title ?? null,
      year: body.year,
      decidedBy: body.decidedBy ?? null,
      preselection: body.preselection ?? false,
      schedule: plain<PlanRoundDto['schedule']>(body.schedule),
      carryOver: plain<NonNullable<PlanRoundDto['carryOver']>>(body.carryOver ?? []),
      intakeDates: body.intakeDates ?? [],
      plannedAt: envelope.context.now.toISOString(),
    };
    const result = await this.commands.execute(new PlanRoundRequest(data, envelope));
    return this.shell.accepted(response, roundId, result, `/rounds/${roundId}`);
  }
}
