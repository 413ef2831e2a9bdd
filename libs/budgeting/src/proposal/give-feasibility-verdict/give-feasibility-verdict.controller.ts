import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_REVIEWERS, planProblems } from '../proposal.roles.js';
import { GiveFeasibilityVerdictDto } from './give-feasibility-verdict.dto.js';
import { GiveFeasibilityVerdictRequest } from './give-feasibility-verdict.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class GiveFeasibilityVerdictController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/verdicts',
    created: false,
    roles: PLAN_REVIEWERS,
    summary:
      'Give a feasibility verdict on one published criterion (needs_revision sends the plan back to the submitter); whoever submitted or entered the plan cannot (PROPOSAL.REVIEWER_IS_SUBMITTER)',
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 409: ['PROPOSAL.WRONG_STATUS', 'PROPOSAL.AWAITING_REVISION', 'PROPOSAL.CRITERION_NOT_PUBLISHED', 'PROPOSAL.REVIEWER_CONFLICT', 'PROPOSAL.REVIEWER_IS_SUBMITTER'] }),
  })
  async give(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: GiveFeasibilityVerdictDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<GiveFeasibilityVerdictDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_REVIEWERS, { now, reason: body.reason });
    const data = { proposalId, criterionId: body.criterionId, outcome: body.outcome, reason: body.reason, reviewerRef: call.principal.subject, at: now.toISOString() };
    const result = await this.commands.execute(new GiveFeasibilityVerdictRequest(data, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
