import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { Request } from 'express';
import { Public, VoterTokens } from '@lib/platform';
import { VotingIdPipe, VotingRequest } from '../voting-http.js';
import { VoterSessionLimiter } from './voter-session.limiter.js';
import { openVoterSession } from './voter-session.handler.js';

export class VoterSessionDto {
  @ApiProperty({ example: 'K7QM-4TXA-93WD-PRZB', description: 'The voting code from the letter (case and dashes do not matter)' })
  @IsString()
  @Length(8, 80)
  code!: string;
}

export const VOTER_TOKEN_TTL_SECONDS = 15 * 60;

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
  @ApiOperation({ summary: 'Sign in with a voting code: a voter token for this round, valid 15 minutes (rate-limited per code and per address)' })
  async open(@Param('roundId', VotingIdPipe) roundId: string, @Body() body: VoterSessionDto, @Req() request: Request): Promise<{ token: string; expiresIn: number; round: string }> {
    await this.limiter.consume(roundId, body.code, request.ip ?? 'unknown');
    const { participantRef, tenant } = await this.commands.execute(new VotingRequest('OpenVoterSession', (deps) => openVoterSession(deps, roundId, body.code)));
    const token = await this.voterTokens.issue({ participant: participantRef, tenant, round: roundId, ttlSeconds: VOTER_TOKEN_TTL_SECONDS });
    return { token, expiresIn: VOTER_TOKEN_TTL_SECONDS, round: roundId };
  }
}
