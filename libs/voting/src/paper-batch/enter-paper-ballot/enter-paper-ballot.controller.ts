import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe } from '@lib/platform';
import { BALLOT_CONTENT_PROBLEMS, contentOf } from '../../ballot/ballot-content.dto.js';
import { OFFICIAL } from '../paper-batch.roles.js';
import { EnterPaperBallotDto } from './enter-paper-ballot.dto.js';
import { EnterPaperBallotRequest } from './enter-paper-ballot.handler.js';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/paper-batches')
export class EnterPaperBallotController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: ':batchId/ballots',
    roles: OFFICIAL,
    summary: 'Enter one paper ballot of the batch (it counts once a second official confirms the batch)',
    problems: { 400: [...BALLOT_CONTENT_PROBLEMS], 403: ['BALLOT.CODE_BLOCKED', 'BALLOT.NOT_ELIGIBLE'], 404: ['BALLOTBOX.NOT_FOUND', 'PAPERBATCH.NOT_FOUND', 'PAPER_BATCH.NOT_OPENED'], 409: ['PAPER_BATCH.ALREADY_CONFIRMED', 'PAPER_BATCH.DUPLICATE_CODE', 'ROUND_KEY.DESTROYED'] },
  })
  async enter(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Param('batchId', StreamIdPipe) batchId: string,
    @Body() body: EnterPaperBallotDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAcceptedDto> {
    const content = contentOf(body.ballot);
    const envelope = this.shell.envelope(call, OFFICIAL);
    const result = await this.commands.execute(new EnterPaperBallotRequest({ roundId, batchId, code: body.code, content }, envelope));
    return this.shell.accepted(response, batchId, result);
  }
}
