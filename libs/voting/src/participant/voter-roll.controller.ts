import { BadRequestException, Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProperty, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { Allow, CLOCK, type Clock, CurrentPrincipal, ID_GENERATOR, type IdGenerator, type Principal, WRITE_ROLES } from '@lib/platform';
import { contextOf, VotingIdPipe, VotingRequest } from '../voting-http.js';
import { blockCode } from './block-voting-code/block-voting-code.handler.js';
import { generateVotingCodes, MAX_CODES_PER_RUN } from './generate-voting-codes/generate-voting-codes.handler.js';
import { importVoterRoll } from './import-voter-roll/import-voter-roll.handler.js';
import { reissueCode } from './reissue-voting-code/reissue-voting-code.handler.js';

export class GenerateVotingCodesDto {
  @ApiProperty({ example: 500 })
  @IsInt()
  @Min(1)
  @Max(MAX_CODES_PER_RUN)
  count!: number;

  @ApiProperty({ example: 'WK036301' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{0,40}$/)
  area!: string;

  @ApiProperty({ example: '18-64' })
  @IsString()
  @Matches(/^(\d{1,3}-\d{1,3}|\d{1,3}\+)$/)
  ageBand!: string;
}

export class VotingCodeActionDto {
  @ApiProperty({ example: 'K7QM-4TXA-93WD-PRZB' })
  @IsString()
  @Length(8, 80)
  code!: string;

  @ApiProperty({ example: 'Resident reported the letter stolen' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class VoterRollController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post('voter-roll')
  @HttpCode(201)
  @Allow(...WRITE_ROLES)
  @ApiConsumes('text/csv')
  @ApiOperation({ summary: 'Import the municipality\'s roll: CSV `code,area,age_band[,role]`; any other column (names, addresses, BSN) refuses the whole file' })
  async importRoll(@Param('roundId', VotingIdPipe) roundId: string, @Body() csv: unknown, @CurrentPrincipal() principal: Principal) {
    if (typeof csv !== 'string') throw new BadRequestException({ code: 'VOTER_ROLL.NOT_CSV', message: 'Send the roll as text/csv' });
    const context = contextOf(principal, WRITE_ROLES, this.clock.now(), undefined, () => this.ids.newId());
    return this.commands.execute(new VotingRequest('ImportVoterRoll', (deps) => importVoterRoll(deps, roundId, csv, context)));
  }

  @Post('voting-codes')
  @HttpCode(201)
  @Allow(...WRITE_ROLES)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Generate codes for printing: returned once as CSV, never stored in clear' })
  async generate(@Param('roundId', VotingIdPipe) roundId: string, @Body() body: GenerateVotingCodesDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const context = contextOf(principal, WRITE_ROLES, this.clock.now(), undefined, () => this.ids.newId());
    const { csv } = await this.commands.execute(
      new VotingRequest('GenerateVotingCodes', (deps) => generateVotingCodes(deps, { roundId, count: body.count, area: body.area, ageBand: body.ageBand }, context)),
    );
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Disposition', `attachment; filename="voting-codes-${roundId}.csv"`);
    return csv;
  }

  @Post('voting-codes/block')
  @HttpCode(200)
  @Allow(...WRITE_ROLES)
  @ApiOperation({ summary: 'Block a code (VotingCodeBlocked)' })
  async block(@Param('roundId', VotingIdPipe) roundId: string, @Body() body: VotingCodeActionDto, @CurrentPrincipal() principal: Principal) {
    const context = contextOf(principal, WRITE_ROLES, this.clock.now(), undefined, () => this.ids.newId(), body.reason);
    const result = await this.commands.execute(new VotingRequest('BlockVotingCode', (deps) => blockCode(deps, { roundId, code: body.code, reason: body.reason }, context)));
    return { events: result.events.map((e) => e.type) };
  }

  @Post('voting-codes/reissue')
  @HttpCode(201)
  @Allow(...WRITE_ROLES)
  @ApiOperation({ summary: 'Replace a lost code: the new code (shown once) leads to the same ballot' })
  async reissue(@Param('roundId', VotingIdPipe) roundId: string, @Body() body: VotingCodeActionDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const context = contextOf(principal, WRITE_ROLES, this.clock.now(), undefined, () => this.ids.newId(), body.reason);
    response.setHeader('Cache-Control', 'no-store');
    return this.commands.execute(new VotingRequest('ReissueVotingCode', (deps) => reissueCode(deps, { roundId, code: body.code, reason: body.reason }, context)));
  }
}
