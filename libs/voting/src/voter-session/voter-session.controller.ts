import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { Request } from 'express';
import { ApiProblems, Public, StreamIdPipe, VoterTokens } from '@lib/platform';
import { VoterSessionLimiter } from './voter-session.limiter.js';
import { OpenVoterSession } from './voter-session.handler.js';

@ApiSchema({ description: 'Sign in to vote with the code from the letter' })
export class VoterSessionDto {
  @ApiProperty({ example: 'K7QM-4TXA-93WD-PRZB', description: 'The voting code from the letter (case and dashes do not matter)' })
  @IsString()
  @Length(8, 80)
  code!: string;
}

export const VOTER_TOKEN_TTL_SECONDS = 15 * 60;

@ApiSchema({ description: 'Earlier sign-ins for the same participant in this round (recorded pseudonymously: no code, no address)' })
export class EarlierSignInsDto {
  @ApiProperty({ example: 1, description: 'How many sign-ins came before this one' })
  count!: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-06-02T18:04:11.000Z', description: 'When the last of them was; null when this is the first' })
  lastAt!: string | null;
}

@ApiSchema({ description: 'A voter\'s bearer token for one round, valid until it expires' })
export class VoterSessionTokenDto {
  @ApiProperty({ description: 'The voter token (Bearer) for this round' })
  token!: string;
  @ApiProperty({ example: VOTER_TOKEN_TTL_SECONDS, description: 'Seconds' })
  expiresIn!: number;
  @ApiProperty({ example: 'r-2026' })
  round!: string;
  @ApiProperty({ type: () => EarlierSignInsDto, description: 'The sign-ins with this code (or this resident sign-in) before this one: if you did not make them, someone else read with your code; tell the municipality' })
  earlierSignIns!: EarlierSignInsDto;
}

@ApiTags('voting')
@Controller('rounds/:roundId/voter-sessions')
export class VoterSessionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly limiter: VoterSessionLimiter,
    @Inject(VoterTokens) private readonly voterTokens: VoterTokens,
  ) {}

  @Post()
  @HttpCode(201)
  @Public()
  @ApiOperation({
    summary: 'Sign in with a voting code: a voter token for this round, valid 15 minutes (rate-limited per code and per address)',
    description: 'Every sign-in is recorded (VoterSignedIn: the participant\'s pseudonym, the channel and the time; no code, no address), and the answer says when this code signed in before.',
  })
  @ApiCreatedResponse({ type: VoterSessionTokenDto })
  @ApiProblems({ 400: [], 403: ['VOTER_SESSION.UNKNOWN_CODE', 'BALLOT.CODE_BLOCKED', 'BALLOT.NOT_ELIGIBLE'], 409: ['BALLOT.VOTING_CLOSED', 'ROUND_KEY.DESTROYED'], 429: ['VOTER_SESSION.RATE_LIMITED'] })
  async open(@Param('roundId', StreamIdPipe) roundId: string, @Body() body: VoterSessionDto, @Req() request: Request): Promise<VoterSessionTokenDto> {
    await this.limiter.consume(roundId, body.code, request.ip ?? 'unknown');
    const { participantRef, tenant, earlierSignIns } = await this.commands.execute(new OpenVoterSession(roundId, body.code));
    const token = await this.voterTokens.issue({ participant: participantRef, tenant, round: roundId, ttlSeconds: VOTER_TOKEN_TTL_SECONDS });
    return { token, expiresIn: VOTER_TOKEN_TTL_SECONDS, round: roundId, earlierSignIns };
  }
}
