import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { PrepareBallotBoxDto } from './prepare-ballot-box.dto.js';
import { PrepareBallotBoxRequest } from './prepare-ballot-box.handler.js';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class PrepareBallotBoxController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: 'ballot-box',
    roles: WRITE_ROLES,
    summary: 'Prepare the ballot box: the frame version in force and the admitted plans (BallotBoxPrepared)',
    description: 'Created; `Location` is the box, `ETag` its revision',
    ifMatch: false,
    problems: { 400: ['BALLOT_BOX.NO_PLANS', 'BALLOT_BOX.INVALID_PLAN'], 404: ['BUDGET.NOT_FOUND'], 409: ['BALLOT_BOX.ALREADY_PREPARED', 'BALLOT_BOX.NO_BALLOT_RULES', 'BALLOT_BOX.PLAN_NOT_ADMITTED'] },
  })
  async prepare(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: PrepareBallotBoxDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, WRITE_ROLES);
    const data = { roundId, budgetId: body.budgetId, proposalIds: [...body.proposalIds], ...(body.paperPrecedence ? { paperPrecedence: body.paperPrecedence } : {}) };
    const result = await this.commands.execute(new PrepareBallotBoxRequest(data, envelope));
    return this.shell.accepted(response, roundId, result, `/rounds/${roundId}/ballot-box`);
  }
}
