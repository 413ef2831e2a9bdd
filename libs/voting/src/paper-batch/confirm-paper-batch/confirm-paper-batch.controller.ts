import { Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, REACTIONS_HEADER, reactionsHeader, StreamIdPipe } from '@lib/platform';
import { OFFICIAL } from '../paper-batch.roles.js';
import { ConfirmPaperBatchRequest } from './confirm-paper-batch.handler.js';

@ApiSchema({ description: 'A second official confirmed the batch: the ballots that now count' })
export class PaperBatchConfirmedDto extends CommandAcceptedDto {
  @ApiProperty({
    example: 48,
    description: 'Ballots of the batch that count (the rest were set aside), as the paper-count reactor recorded them; with `Reactions: pending` the rest follow',
  })
  counted!: number;
}

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/paper-batches')
export class ConfirmPaperBatchController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':batchId/confirm',
    created: false,
    roles: OFFICIAL,
    summary: 'A second official confirms the batch against its slip; its ballots then count',
    type: PaperBatchConfirmedDto,
    problems: { 400: [], 403: ['PAPER_BATCH.SAME_OFFICIAL'], 404: ['BALLOTBOX.NOT_FOUND', 'PAPERBATCH.NOT_FOUND', 'PAPER_BATCH.NOT_OPENED'], 409: ['PAPER_BATCH.ALREADY_CONFIRMED', 'PAPER_BATCH.COUNT_MISMATCH'] },
    headers: {
      [REACTIONS_HEADER]: {
        description:
          'Each ballot of the batch is counted in its own stream by the paper-count reactor: `complete` when it did before this answer, `pending; reactors="paper-count"` when the wait (REACTOR_WAIT_MS) ran out; it finishes on its own, read the count again later.',
        schema: { type: 'string' },
      },
    },
  })
  async confirm(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Param('batchId', StreamIdPipe) batchId: string,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PaperBatchConfirmedDto> {
    const envelope = this.shell.envelope(call, OFFICIAL);
    const result = await this.commands.execute(new ConfirmPaperBatchRequest({ roundId, batchId }, envelope));
    response.setHeader(REACTIONS_HEADER, reactionsHeader(result.reactions));
    return { ...this.shell.accepted(response, batchId, result), counted: result.counted };
  }
}
