import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../../proposal.roles.js';
import { ObjectionStepRequest } from '../objection.handler.js';
import { RecordBeroep, RecordCourtRuling } from './beroep.command.js';
import { RecordBeroepDto, RecordCourtRulingDto } from './beroep.dto.js';

@ApiTags('objections')
@ApiBearerAuth()
@Controller('proposals')
export class BeroepController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/objection/beroep',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Record that beroep was lodged at the court against the decision on the objection (case number; whether within six weeks is recorded)',
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED', 'OBJECTION.INVALID_DATE'], 404: ['OBJECTION.NOT_FOUND'], 409: ['OBJECTION.NOT_DECIDED', 'OBJECTION.BEROEP_ALREADY_LODGED'] }),
  })
  async lodge(@Param('proposalId', StreamIdPipe) proposalId: string, @Body() input: RecordBeroepDto, @CommandCaller() call: CommandCall, @Res({ passthrough: true }) response: Response): Promise<CommandAcceptedDto> {
    const body = plain<RecordBeroepDto>(input);
    const now = this.shell.now();
    const command = new RecordBeroep({ proposalId, court: body.court, caseReference: body.caseReference, lodgedOn: body.lodgedOn, at: now.toISOString() });
    const result = await this.commands.execute(new ObjectionStepRequest(command, this.shell.envelope(call, PLAN_MANAGERS, { now })));
    return this.shell.accepted(response, proposalId, result);
  }

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/objection/beroep/ruling',
    created: false,
    roles: PLAN_MANAGERS,
    summary: "Record the court's ruling: gegrond asks for a new decision on the objection within the court's term, ongegrond makes the decision final",
    problems: planProblems({ 400: ['PROPOSAL.REASON_REQUIRED', 'OBJECTION.INVALID_DATE', 'OBJECTION.INVALID_EXTENSION'], 404: ['OBJECTION.NOT_FOUND'], 409: ['OBJECTION.NO_BEROEP', 'OBJECTION.BEROEP_ALREADY_RULED'] }),
  })
  async rule(@Param('proposalId', StreamIdPipe) proposalId: string, @Body() input: RecordCourtRulingDto, @CommandCaller() call: CommandCall, @Res({ passthrough: true }) response: Response): Promise<CommandAcceptedDto> {
    const body = plain<RecordCourtRulingDto>(input);
    const now = this.shell.now();
    const command = new RecordCourtRuling({ proposalId, outcome: body.outcome, rulingDate: body.rulingDate, redecideWithinWeeks: body.redecideWithinWeeks ?? 6, reason: body.reason, at: now.toISOString() });
    const result = await this.commands.execute(new ObjectionStepRequest(command, this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason })));
    return this.shell.accepted(response, proposalId, result);
  }
}
