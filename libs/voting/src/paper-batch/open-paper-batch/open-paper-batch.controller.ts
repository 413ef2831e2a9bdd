import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, plain, StreamIdPipe } from '@lib/platform';
import { OFFICIAL } from '../paper-batch.roles.js';
import { OpenPaperBatchDto } from './open-paper-batch.dto.js';
import { OpenPaperBatchRequest } from './open-paper-batch.handler.js';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/paper-batches')
export class OpenPaperBatchController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    roles: OFFICIAL,
    summary: 'Open a batch of paper ballots (polling station, batch number, count on the slip)',
    description: 'Created; `Location` is the batch, `ETag` its revision',
    ifMatch: false,
    problems: { 400: ['PAPER_BATCH.INVALID_SLIP'], 404: ['BALLOTBOX.NOT_FOUND'], 409: ['PAPER_BATCH.ALREADY_OPENED', 'PAPER_BATCH.COUNTING_CLOSED'] },
  })
  async open(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: OpenPaperBatchDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, OFFICIAL);
    const result = await this.commands.execute(new OpenPaperBatchRequest({ roundId, ...plain<OpenPaperBatchDto>(body) }, envelope));
    return this.shell.accepted(response, result.batchId, result, `/rounds/${roundId}/paper-batches/${result.batchId}`);
  }
}
