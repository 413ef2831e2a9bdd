import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../../proposal.roles.js';
import { ObjectionStepRequest } from '../objection.handler.js';
import { ExtendObjectionDecisionTerm } from './extend-objection-term.command.js';
import { ExtendObjectionTermDto } from './extend-objection-term.dto.js';

@ApiTags('objections')
@ApiBearerAuth()
@Controller('proposals')
export class ExtendObjectionTermController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/objection/decision-term-extension',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Postpone the decision on the objection before its term passes: once by at most six weeks, further only with the objector\'s consent',
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED', 'OBJECTION.INVALID_EXTENSION'], 404: ['OBJECTION.NOT_FOUND'], 409: ['OBJECTION.ALREADY_DECIDED', 'OBJECTION.DECISION_TERM_PASSED', 'OBJECTION.ALREADY_EXTENDED'] }),
  })
  async extend(@Param('proposalId', StreamIdPipe) proposalId: string, @Body() input: ExtendObjectionTermDto, @CommandCaller() call: CommandCall, @Res({ passthrough: true }) response: Response): Promise<CommandAcceptedDto> {
    const body = plain<ExtendObjectionTermDto>(input);
    const now = this.shell.now();
    const command = new ExtendObjectionDecisionTerm({ proposalId, weeks: body.weeks, withConsent: body.withConsent ?? false, reason: body.reason, at: now.toISOString() });
    const result = await this.commands.execute(new ObjectionStepRequest(command, this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason })));
    return this.shell.accepted(response, proposalId, result);
  }
}
