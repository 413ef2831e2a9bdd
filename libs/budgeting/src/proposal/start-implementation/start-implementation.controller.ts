import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { StartImplementationDto } from './start-implementation.dto.js';
import { StartImplementationRequest } from './start-implementation.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class StartImplementationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({ method: 'POST', path: ':proposalId/implementation/start', created: false, roles: PLAN_MANAGERS, summary: 'Record that the granted plan is being carried out', problems: planProblems({ 400: [], 409: ['PROPOSAL.WRONG_STATUS'] }) })
  async start(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: StartImplementationDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<StartImplementationDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now });
    const result = await this.commands.execute(new StartImplementationRequest({ proposalId, startedOn: body.startedOn, at: now.toISOString() }, envelope));
    return this.shell.accepted(response, proposalId, result);
  }
}
