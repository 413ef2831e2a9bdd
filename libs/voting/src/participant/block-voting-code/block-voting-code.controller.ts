import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { VotingCodeActionDto } from '../voting-code-action.dto.js';
import { BlockVotingCodeRequest } from './block-voting-code.handler.js';

@ApiSchema({ description: 'A voting code was blocked' })
export class VotingCodeBlockedDto {
  @ApiProperty({ example: ['VotingCodeBlocked'], description: 'The participant\'s stream is never named: it would link the code to its pseudonym' })
  events!: string[];
}

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class BlockVotingCodeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: 'voting-codes/block',
    created: false,
    roles: WRITE_ROLES,
    summary: 'Block a code (VotingCodeBlocked)',
    type: VotingCodeBlockedDto,
    ifMatch: false,
    problems: { 400: ['PARTICIPANT.REASON_REQUIRED'], 404: ['BALLOTBOX.NOT_FOUND', 'PARTICIPANT.NOT_FOUND'], 409: ['PARTICIPANT.NOT_ACTIVE', 'ROUND_KEY.DESTROYED'] },
  })
  async block(@Param('roundId', StreamIdPipe) roundId: string, @Body() body: VotingCodeActionDto, @CommandCaller() call: CommandCall): Promise<VotingCodeBlockedDto> {
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, WRITE_ROLES, { reason: body.reason });
    const result = await this.commands.execute(new BlockVotingCodeRequest({ roundId, code: body.code, reason: body.reason }, envelope));
    return { events: result.events.map((e) => e.type) };
  }
}
