import { Body, Controller, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe } from '@lib/platform';
import { BALLOT_CONTENT_PROBLEMS, BallotAcceptedDto, BallotContentDto, contentOf } from '../ballot-content.dto.js';
import { BallotRevisionRequiredError } from '../ballot.errors.js';
import { assertVoterOfRound } from '../ballot.voter.js';
import { ReplaceBallotRequest } from './replace-ballot.handler.js';

const VOTER = ['voter'] as const;

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/ballots')
export class ReplaceBallotController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'PUT',
    path: 'mine',
    roles: VOTER,
    summary: 'Replace your ballot while voting is open (If-Match required)',
    type: BallotAcceptedDto,
    ifMatch: false,
    problems: { 400: [...BALLOT_CONTENT_PROBLEMS, 'BALLOT.REVISION_REQUIRED'], 403: ['BALLOT.WRONG_ROUND', 'BALLOT.CODE_BLOCKED', 'BALLOT.NOT_ELIGIBLE'], 404: ['BALLOT.NOT_CAST', 'BALLOTBOX.NOT_FOUND'], 409: ['BALLOT.VOTING_CLOSED', 'BALLOT.PAPER_BALLOT_STANDS', 'ROUND_KEY.DESTROYED'], 412: ['REQUEST.PRECONDITION_FAILED'] },
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of your standing ballot' })
  async replace(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: BallotContentDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BallotAcceptedDto> {
    assertVoterOfRound(call.principal, roundId);
    const envelope = this.shell.envelope(call, VOTER);
    if (envelope.expectedRevision === undefined) throw new BallotRevisionRequiredError('Send If-Match with the ETag of the ballot you replace');
    const content = contentOf(body);
    const data = { roundId, participantRef: call.principal.subject, content, channel: 'online' as const, verification: call.principal.signedInWith === 'oidc' ? ('oidc' as const) : ('voting-code' as const) };
    const result = await this.commands.execute(new ReplaceBallotRequest(data, envelope));
    const { revision, events } = this.shell.accepted(response, roundId, result);
    // The receipt is in this answer only: no cache may keep it.
    response.setHeader('Cache-Control', 'no-store');
    return { revision, events, receipt: result.receipt! };
  }
}
