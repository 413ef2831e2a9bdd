import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, type Role, StreamIdPipe } from '@lib/platform';
import { planProblems } from '../../proposal.roles.js';
import { LODGE_OBJECTION_PROBLEMS } from './lodge-objection.controller.js';
import { LodgeMyObjectionDto } from './lodge-objection.dto.js';
import { type LodgeObjectionResult, LodgeObjectionRequest } from './lodge-objection.handler.js';

/** Objecting is the applicant's act under their own name: signed in as a resident, not with a voting code. */
const OBJECTORS = ['resident'] as const satisfies readonly Role[];

@ApiTags('residents')
@ApiBearerAuth()
@Controller('rounds')
export class LodgeMyObjectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':roundId/my-plans/:proposalId/objection',
    roles: OBJECTORS,
    summary: 'Object to the beschikking on your own plan (bezwaar, within six weeks of the day after it was sent); received today',
    description:
      'Location: /rounds/{roundId}/my-plans/{proposalId}. Event: ProposalObjectionLodged. After the term the objection is still registered, as late; the municipality judges whether that is excusable (Awb 6:11). Refusals: OBJECTION.NOT_APPLICANT (403), OBJECTION.NOT_A_DECISION, OBJECTION.ALREADY_LODGED (409), OBJECTION.GROUNDS_REQUIRED (400), PROPOSAL.NOT_FOUND (404)',
    problems: planProblems({ ...LODGE_OBJECTION_PROBLEMS, 403: ['OBJECTION.NOT_APPLICANT'] }),
  })
  async lodge(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: LodgeMyObjectionDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<LodgeMyObjectionDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, OBJECTORS, { now });
    const data = { proposalId, roundId, channel: 'resident' as const, residentRef: call.principal.subject, grounds: body.grounds, receivedOn: null, postedOn: null, at: now.toISOString() };
    const result: LodgeObjectionResult = await this.commands.execute(new LodgeObjectionRequest(data, envelope));
    return this.shell.accepted(response, proposalId, result, `/rounds/${roundId}/my-plans/${proposalId}`);
  }
}
