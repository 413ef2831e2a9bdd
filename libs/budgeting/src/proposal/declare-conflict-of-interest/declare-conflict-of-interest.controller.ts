import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_REVIEWERS, planProblems } from '../proposal.roles.js';
import { DeclareConflictOfInterestDto } from './declare-conflict-of-interest.dto.js';
import { DeclareConflictOfInterestRequest } from './declare-conflict-of-interest.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class DeclareConflictOfInterestController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({ method: 'POST', path: ':proposalId/conflicts-of-interest', created: false, roles: PLAN_REVIEWERS, summary: 'Declare your own conflict of interest for a plan: you can no longer review it', problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 409: ['PROPOSAL.CONFLICT_ALREADY_DECLARED'] }) })
  async declare(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: DeclareConflictOfInterestDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<DeclareConflictOfInterestDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_REVIEWERS, { now, reason: body.reason });
    const at = now.toISOString();
    const result = await this.commands.execute(new DeclareConflictOfInterestRequest({ proposalId, reviewerRef: call.principal.subject, reason: body.reason, at }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
