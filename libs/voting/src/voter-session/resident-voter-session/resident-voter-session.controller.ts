import { Controller, Inject, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe, VoterTokens } from '@lib/platform';
import { VOTER_TOKEN_TTL_SECONDS, VoterSessionTokenDto } from '../voter-session.controller.js';
import { OpenResidentVoterSession } from './resident-voter-session.handler.js';

const RESIDENT = ['resident'] as const;

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/resident-voter-sessions')
export class ResidentVoterSessionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
    @Inject(VoterTokens) private readonly voterTokens: VoterTokens,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    roles: RESIDENT,
    summary: 'A resident signed in by OIDC takes their place on the roll (once, when the frame\'s eligibility allows) and gets a voter token for this round, valid 15 minutes',
    description: 'The same resident always gets the same participant, so the same ballot. Every sign-in is recorded pseudonymously (VoterSignedIn), and the answer says when this resident signed in to the round before. No body.',
    type: VoterSessionTokenDto,
    ifMatch: false,
    problems: { 400: [], 403: ['RESIDENT_VOTER_SESSION.AREA_UNKNOWN', 'RESIDENT_VOTER_SESSION.AGE_UNKNOWN', 'RESIDENT_VOTER_SESSION.NOT_ELIGIBLE', 'RESIDENT_VOTER_SESSION.BLOCKED'], 404: ['BALLOTBOX.NOT_FOUND'], 409: ['RESIDENT_VOTER_SESSION.AGE_BAND_UNDECIDED', 'PARTICIPANT.ROLL_CLOSED', 'BALLOT.VOTING_CLOSED', 'ROUND_KEY.DESTROYED'] },
  })
  async open(@Param('roundId', StreamIdPipe) roundId: string, @CommandCaller() call: CommandCall): Promise<VoterSessionTokenDto> {
    const { principal } = call;
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, RESIDENT);
    const resident = { pseudonym: principal.subject, ...(principal.area === undefined ? {} : { area: principal.area }), ...(principal.ageBand === undefined ? {} : { ageBand: principal.ageBand }) };
    const { participantRef, tenant, earlierSignIns } = await this.commands.execute(new OpenResidentVoterSession(roundId, resident, envelope));
    const token = await this.voterTokens.issue({ participant: participantRef, tenant, round: roundId, ttlSeconds: VOTER_TOKEN_TTL_SECONDS, signedInWith: 'oidc' });
    return { token, expiresIn: VOTER_TOKEN_TTL_SECONDS, round: roundId, earlierSignIns };
  }
}
