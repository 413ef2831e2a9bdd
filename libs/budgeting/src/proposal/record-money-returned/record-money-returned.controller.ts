import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { PLAN_REACTIONS_HEADER, planAccepted } from '../proposal.endpoint.js';
import { PLAN_MANAGERS, planProblems } from '../proposal.roles.js';
import { RecordMoneyReturnedDto } from './record-money-returned.dto.js';
import { RecordMoneyReturnedRequest } from './record-money-returned.handler.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class RecordMoneyReturnedController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':proposalId/implementation/returns',
    created: false,
    roles: PLAN_MANAGERS,
    summary: 'Record money paid back; once the plan is closed it returns to the round',
    problems: planProblems({ 400: ['PROPOSAL.INVALID_AMOUNT'], 409: ['PROPOSAL.WRONG_STATUS', 'PROPOSAL.RETURN_EXCEEDS_PAYMENTS'] }),
    headers: PLAN_REACTIONS_HEADER,
  })
  async giveBack(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Body() input: RecordMoneyReturnedDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const { reference, amountCents } = plain<RecordMoneyReturnedDto>(input);
    const now = this.shell.now();
    const envelope = this.shell.envelope(call, PLAN_MANAGERS, { now });
    const result = await this.commands.execute(new RecordMoneyReturnedRequest({ proposalId, reference, amountCents, at: now.toISOString() }, envelope));
    return planAccepted(this.shell, response, proposalId, result);
  }
}
