import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { DecideAdmissionDto } from './decide-admission.dto.js';
import { DecideAdmissionRequest } from './decide-admission.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class DecideAdmissionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({ method: 'POST', path: ':proposalId/admission', created: false, roles: PLAN_MANAGERS, summary: 'Admit a plan to the ballot (only when every published criterion is met) or refuse it', problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 409: ['PROPOSAL.WRONG_STATUS', 'PROPOSAL.CRITERIA_NOT_MET', 'PROPOSAL.NO_BALLOT'] }) })
  async decide(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: DecideAdmissionDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<DecideAdmissionDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const at = now.toISOString();
    const result = await this.commands.execute(new DecideAdmissionRequest({ proposalId, admitted: body.admitted, reason: body.reason, at }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
