import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandCall, CommandCaller, CommandEndpoint, CommandShell, REACTIONS_HEADER, reactionsHeader, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { VotingCodeActionDto } from '../voting-code-action.dto.js';
import { ReissueVotingCodeRequest } from './reissue-voting-code.handler.js';

@ApiSchema({ description: 'A blocked voting code was replaced by a new one' })
export class VotingCodeReissuedDto {
  @ApiProperty({ example: 'P3XW-8KQD-2MZA-TR7C', description: 'The new code, shown this once' })
  code!: string;
}

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class ReissueVotingCodeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: 'voting-codes/reissue',
    roles: WRITE_ROLES,
    summary: 'Replace a lost code: the new code (shown once) leads to the same ballot',
    type: VotingCodeReissuedDto,
    ifMatch: false,
    problems: {
      400: ['PARTICIPANT.REASON_REQUIRED'],
      404: ['BALLOTBOX.NOT_FOUND', 'PARTICIPANT.NOT_FOUND'],
      409: ['PARTICIPANT.NOT_ACTIVE', 'PARTICIPANT.NOT_ELIGIBLE', 'BALLOT_BOX.WRONG_PHASE', 'ROUND_KEY.DESTROYED'],
    },
    headers: {
      [REACTIONS_HEADER]: {
        description:
          'The new code joins the roll in its own stream, registered by the code-successor reactor: `complete` when it was before this answer, `pending; reactors="code-successor"` when the wait (REACTOR_WAIT_MS) ran out; it finishes on its own, and the code works from then on.',
        schema: { type: 'string' },
      },
    },
  })
  async reissue(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: VotingCodeActionDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<VotingCodeReissuedDto> {
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, WRITE_ROLES, { reason: body.reason });
    response.setHeader('Cache-Control', 'no-store');
    const { code, reactions } = await this.commands.execute(new ReissueVotingCodeRequest({ roundId, code: body.code, reason: body.reason }, envelope));
    response.setHeader(REACTIONS_HEADER, reactionsHeader(reactions));
    return { code };
  }
}
