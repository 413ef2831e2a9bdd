import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../../proposal.roles.js';
import { ObjectionStepRequest } from '../objection.handler.js';
import { RecordObjectionHearing, ScheduleObjectionHearing, SkipObjectionHearing } from './hearing.command.js';
import { RecordHearingDto, ScheduleHearingDto, SkipHearingDto } from './hearing.dto.js';

const OPEN = { 404: ['OBJECTION.NOT_FOUND'], 409: ['OBJECTION.ALREADY_DECIDED', 'OBJECTION.HEARING_CLOSED'] };

@ApiTags('objections')
@ApiBearerAuth()
@Controller('proposals')
export class HearingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/objection/hearing',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Schedule the hearing (Awb 7:2), or move it; the invitation is GET …/objection/letters/uitnodiging-hoorzitting',
    problems: planProblems({ ...OPEN, 400: ['PROPOSAL.REASON_REQUIRED', 'OBJECTION.INVALID_DATE'] }),
  })
  async schedule(@Param('proposalId', StreamIdPipe) proposalId: string, @Body() input: ScheduleHearingDto, @CommandCaller() call: CommandCall, @Res({ passthrough: true }) response: Response): Promise<CommandAcceptedDto> {
    const body = plain<ScheduleHearingDto>(input);
    const now = this.shell.now();
    const command = new ScheduleObjectionHearing({ proposalId, hearingAt: body.hearingAt, location: body.location, at: now.toISOString() });
    const result = await this.commands.execute(new ObjectionStepRequest(command, this.shell.envelope(call, PLAN_MANAGERS, { now })));
    return this.shell.accepted(response, proposalId, result);
  }

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/objection/hearing/held',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Record that the scheduled hearing took place',
    problems: planProblems({ 400: ['OBJECTION.INVALID_DATE'], 404: OPEN[404], 409: [...OPEN[409], 'OBJECTION.HEARING_NOT_SCHEDULED'] }),
  })
  async held(@Param('proposalId', StreamIdPipe) proposalId: string, @Body() input: RecordHearingDto, @CommandCaller() call: CommandCall, @Res({ passthrough: true }) response: Response): Promise<CommandAcceptedDto> {
    const body = plain<RecordHearingDto>(input);
    const now = this.shell.now();
    const command = new RecordObjectionHearing({ proposalId, reportReference: body.reportReference ?? null, at: now.toISOString() });
    const result = await this.commands.execute(new ObjectionStepRequest(command, this.shell.envelope(call, PLAN_MANAGERS, { now })));
    return this.shell.accepted(response, proposalId, result);
  }

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/objection/hearing/skip',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Leave the hearing out on a ground of Awb 7:3; the decision must then fit that ground',
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED'], 404: OPEN[404], 409: [...OPEN[409], 'OBJECTION.SKIP_GROUND_MISMATCH'] }),
  })
  async skip(@Param('proposalId', StreamIdPipe) proposalId: string, @Body() input: SkipHearingDto, @CommandCaller() call: CommandCall, @Res({ passthrough: true }) response: Response): Promise<CommandAcceptedDto> {
    const body = plain<SkipHearingDto>(input);
    const now = this.shell.now();
    const command = new SkipObjectionHearing({ proposalId, ground: body.ground, reason: body.reason, at: now.toISOString() });
    const result = await this.commands.execute(new ObjectionStepRequest(command, this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason })));
    return this.shell.accepted(response, proposalId, result);
  }
}
