import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { Request } from 'express';
import { ApiProblems, Public, StreamIdPipe, VoterTokens } from '@lib/platform';
import { VoterSessionLimiter } from './voter-session.limiter.js';
import { VoterOfCode } from './voter-session.query.js';

@ApiSchema({ description: 'Sign in to vote with the code from the letter' })
export class VoterSessionDto {
  @ApiProperty({ example: 'K7QM-4TXA-93WD-PRZB', description: 'The voting code from the letter (case and dashes do not matter)' })
  @IsString()
  @Length(8, 80)
  code!: string;
}

export const VOTER_TOKEN_TTL_SECONDS = 15 * 60;

@ApiSchema({ description: 'A voter\'s bearer token for one round, valid until it expires' })
export class VoterSessionTokenDto {
  @ApiProperty({ description: 'The voter token (Bearer) for this round' })
  token!: string;
  @ApiProperty({ example: VOTER_TOKEN_TTL_SECONDS, description: 'Seconds' })
  expiresIn!: number;
  @ApiProperty({ example: 'r-2026' })
  round!: string;
}

@ApiTags('voting')
@Controller('rounds/:roundId/voter-sessions')
export class VoterSessionController {
  constructor(
    private readonly queries: QueryBus,
    private readonly limiter: VoterSessionLimiter,
    @Inject(VoterTokens) private readonly voterTokens: VoterTokens,
  ) {}

  @Post()
  @HttpCode(201)
  @Public()
  @ApiOperation({ summary: 'Sign in with a voting code: a voter token for this round, valid 15 minutes (rate-limited per code and per address)' })
  @ApiCreatedResponse({ type: VoterSessionTokenDto })
  @ApiProblems({ 400: [], 403: ['VOTER_SESSION.UNKNOWN_CODE', 'BALLOT.CODE_BLOCKED', 'BALLOT.NOT_ELIGIBLE'], 409: ['BALLOT.VOTING_CLOSED', 'ROUND_KEY.DESTROYED'], 429: ['VOTER_SESSION.RATE_LIMITED'] })
  async open(@Param('roundId', StreamIdPipe) roundId: string, @Body() body: VoterSessionDto, @Req() request: Request): Promise<VoterSessionTokenDto> {
    await this.limiter.consume(roundId, body.code, request.ip ?? 'unknown');
    const { participantRef, tenant } = await this.queries.execute(new VoterOfCode(roundId, body.code));
    const token = await this.voterTokens.issue({ participant: participantRef, tenant, round: roundId, ttlSeconds: VOTER_TOKEN_TTL_SECONDS });
    return { token, expiresIn: VOTER_TOKEN_TTL_SECONDS, round: roundId };
  }
}
