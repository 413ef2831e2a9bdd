import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_REACTIONS_HEADER, planAccepted } from '../../proposal.endpoint.js';
import { PLAN_MANAGERS, planProblems } from '../../proposal.roles.js';
import { DEFAULT_BEROEP } from './decide-objection.command.js';
import { DecideObjectionDto } from './decide-objection.dto.js';
import { DecideObjectionRequest } from './decide-objection.handler.js';

@ApiTags('objections')
@ApiBearerAuth()
@Controller('proposals')
export class DecideObjectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/objection/decision',
    created: false,
    roles: PLAN_MANAGERS,
    summary: "Decide on the objection: niet-ontvankelijk, ongegrond, or gegrond with the revised grant (the raise committed under the round's ceiling, else 409 ROUND.CEILING_EXCEEDED); names the beroep route",
    description:
      'Events: ProposalObjectionDecided; with a revised grant also ProposalGranted (onObjection), recorded by the grant-recorder reactor after the round committed the raise. A decision after the term is still taken and records the term it missed. The letter is GET …/objection/letters/beslissing-op-bezwaar.',
    problems: planProblems({
      400: ['PROPOSAL.REASON_REQUIRED', 'PROPOSAL.INVALID_AMOUNT', 'OBJECTION.INVALID_DATE', 'OBJECTION.REVISION_REQUIRED', 'OBJECTION.REVISION_NOT_ALLOWED', 'ROUND.INVALID_AMOUNT', 'ROUND.AREA_REQUIRED', 'ROUND.UNKNOWN_AREA'],
      404: ['OBJECTION.NOT_FOUND', 'ROUND.NOT_FOUND'],
      409: ['OBJECTION.ALREADY_DECIDED', 'OBJECTION.HEARING_REQUIRED', 'OBJECTION.LATENESS_NOT_JUDGED', 'OBJECTION.TERM_PASSED', 'OBJECTION.SKIP_GROUND_MISMATCH', 'OBJECTION.WORSE_OFF', 'PROPOSAL.GRANT_EXCEEDS_REQUEST', 'ROUND.WRONG_PHASE', 'ROUND.CEILING_EXCEEDED'],
    }),
    headers: PLAN_REACTIONS_HEADER,
  })
  async decide(@Param('proposalId', StreamIdPipe) proposalId: string, @Body() input: DecideObjectionDto, @CommandCaller() call: CommandCall, @Res({ passthrough: true }) response: Response): Promise<CommandAcceptedDto> {
    const body = plain<DecideObjectionDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now, reason: body.reason });
    const data = {
      proposalId,
      outcome: body.outcome,
      decisionReference: body.decisionReference,
      decisionDate: body.decisionDate,
      revised: body.revisedAmountCents === undefined ? null : { granted: true as const, amountCents: body.revisedAmountCents },
      beroep: body.court === undefined ? DEFAULT_BEROEP : { ...DEFAULT_BEROEP, addressedTo: body.court },
      reason: body.reason,
      at: now.toISOString(),
    };
    const result = await this.commands.execute(new DecideObjectionRequest(data, envelope));
    return planAccepted(this.shell, response, proposalId, result);
  }
}
