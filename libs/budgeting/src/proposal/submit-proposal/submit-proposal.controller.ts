import { BadRequestException, Body, Controller, Headers, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_MANAGERS } from '../proposal.roles.js';
import { SubmitProposalDto } from './submit-proposal.dto.js';
import { type SubmitProposalInput, SubmitProposalRequest } from './submit-proposal.handler.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

@ApiTags('plans')
@ApiBearerAuth()
@Controller('rounds')
export class SubmitProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':roundId/proposals',
    roles: PLAN_MANAGERS,
    summary: "Submit a plan on a resident's behalf; contact details are stored encrypted outside the events",
    description: "Location: /proposals/{id}; ETag: the new stream's revision",
    ifMatch: false,
    problems: { 400: ['PROPOSAL.INVALID_AMOUNT'], 404: ['ROUND.NOT_FOUND'], 409: ['PROPOSAL.ALREADY_SUBMITTED', 'PROPOSAL.IDEMPOTENCY_KEY_REUSED', 'PROPOSAL.SUBMISSION_CLOSED', 'PROPOSAL.NO_INTAKE_DATE', 'PROPOSAL.UNKNOWN_AREA', 'PROPOSAL.UNKNOWN_THEME', 'PROPOSAL.AMOUNT_OUT_OF_RANGE'] },
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A unique key per plan (8–200 of A-Z a-z 0-9 . _ : -, e.g. a uuid): a retry with the same key and body answers with the plan the first attempt made; with another body it is 409 PROPOSAL.IDEMPOTENCY_KEY_REUSED',
  })
  async submit(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: SubmitProposalDto,
    @CommandCaller() call: CommandCall,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) throw new BadRequestException({ code: 'REQUEST.INVALID', message: 'Idempotency-Key: 8 to 200 of A-Z a-z 0-9 . _ : -' });
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, PLAN_MANAGERS);
    const result = await this.commands.execute(new SubmitProposalRequest(roundId, plain<SubmitProposalInput>(body), envelope, idempotencyKey));
    return this.shell.accepted(response, result.proposalId, result, `/proposals/${result.proposalId}`);
  }
}
