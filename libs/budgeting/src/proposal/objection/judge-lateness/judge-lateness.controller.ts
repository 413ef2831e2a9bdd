import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../../proposal.roles.js';
import { ObjectionStepRequest } from '../objection.handler.js';
import { JudgeObjectionLateness } from './judge-lateness.command.js';
import { JudgeLatenessDto } from './judge-lateness.dto.js';

@ApiTags('objections')
@ApiBearerAuth()
@Controller('proposals')
export class JudgeLatenessController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/objection/lateness',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Judge whether a late objection\'s lateness is excusable (Awb 6:11); if not, it is decided niet-ontvankelijk',
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 404: ['OBJECTION.NOT_FOUND'], 409: ['OBJECTION.NOT_LATE', 'OBJECTION.LATENESS_ALREADY_JUDGED', 'OBJECTION.ALREADY_DECIDED'] }),
  })
  async judge(@Param('proposalId', StreamIdPipe) proposalId: string, @Body() input: JudgeLatenessDto, @CommandCaller() call: CommandCall, @Res({ passthrough: true }) response: Response): Promise<CommandAcceptedDto> {
    const body = plain<JudgeLatenessDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const result = await this.commands.execute(new ObjectionStepRequest(new JudgeObjectionLateness({ proposalId, excusable: body.excusable, reason: body.reason, at: now.toISOString() }), envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
