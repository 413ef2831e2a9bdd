import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS, planProblems } from '../../proposal.roles.js';
import { LodgeObjectionDto } from './lodge-objection.dto.js';
import { type LodgeObjectionResult, LodgeObjectionRequest } from './lodge-objection.handler.js';

/** The refusals of lodging an objection, on both routes. */
export const LODGE_OBJECTION_PROBLEMS = { 400: ['OBJECTION.GROUNDS_REQUIRED', 'OBJECTION.INVALID_DATE'], 409: ['OBJECTION.NOT_A_DECISION', 'OBJECTION.ALREADY_LODGED'] };

@ApiTags('objections')
@ApiBearerAuth()
@Controller('proposals')
export class LodgeObjectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/objection',
    roles: PLAN_MANAGERS,
    summary: 'Register a bezwaarschrift against the plan\'s beschikking that came in on paper or by e-mail (for the applicant); a late one is registered as late',
    description:
      'Location: /proposals/{proposalId}/objection. Event: ProposalObjectionLodged with the term (Awb 6:7, 6:8, 6:9) and the date the decision on it is due (7:10); the grounds are sealed in the vault, the event holds their digest. The receipt confirmation (6:14) is GET …/objection/letters/ontvangstbevestiging.',
    problems: planProblems(LODGE_OBJECTION_PROBLEMS),
  })
  async lodge(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: LodgeObjectionDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const body = plain<LodgeObjectionDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now });
    const data = { proposalId, channel: 'staff' as const, residentRef: null, grounds: body.grounds, receivedOn: body.receivedOn, postedOn: body.postedOn ?? null, at: now.toISOString() };
    const result: LodgeObjectionResult = await this.commands.execute(new LodgeObjectionRequest(data, envelope));
    return this.shell.accepted(response, proposalId, result, `/proposals/${proposalId}/objection`);
  }
}
