import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { Allow, CLOCK, type Clock, CurrentPrincipal, etagOf, expectedRevisionFrom, ID_GENERATOR, type IdGenerator, type Principal } from '@lib/platform';
import { BallotContentDto, contentOf, contextOf, VotingIdPipe, VotingRequest } from '../voting-http.js';
import { confirmBatch } from './confirm-paper-batch/confirm-paper-batch.handler.js';
import { enterPaperBallotFor } from './enter-paper-ballot/enter-paper-ballot.handler.js';
import { openBatch } from './open-paper-batch/open-paper-batch.handler.js';

export class OpenPaperBatchDto {
  @ApiProperty({ example: 'Stadhuis' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/)
  pollingStation!: string;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  batchNumber!: number;

  @ApiProperty({ example: 50, description: 'The count written on the batch slip' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  slipCount!: number;
}

export class EnterPaperBallotDto {
  @ApiProperty({ example: 'K7QM-4TXA-93WD-PRZB', description: 'The code printed on the paper ballot' })
  @IsString()
  @Length(8, 80)
  code!: string;

  @ApiProperty({ type: BallotContentDto })
  @ValidateNested()
  @Type(() => BallotContentDto)
  ballot!: BallotContentDto;
}

const OFFICIAL = ['official'] as const;

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId/paper-batches')
export class PaperBatchesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...OFFICIAL)
  @ApiOperation({ summary: 'Open a batch of paper ballots (polling station, batch number, count on the slip)' })
  async open(@Param('roundId', VotingIdPipe) roundId: string, @Body() body: OpenPaperBatchDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const context = contextOf(principal, OFFICIAL, this.clock.now(), undefined, () => this.ids.newId());
    const result = await this.commands.execute(new VotingRequest('OpenPaperBatch', (deps) => openBatch(deps, { roundId, ...body }, context)));
    response.setHeader('ETag', etagOf(result.nextRevision)).setHeader('Location', `/rounds/${roundId}/paper-batches/${result.batchId}`);
    return { id: result.batchId, revision: result.nextRevision.toString(), events: result.events.map((e) => e.type) };
  }

  @Post(':batchId/ballots')
  @HttpCode(201)
  @Allow(...OFFICIAL)
  @ApiOperation({ summary: 'Enter one paper ballot of the batch (it counts once a second official confirms the batch)' })
  async enter(
    @Param('roundId', VotingIdPipe) roundId: string,
    @Param('batchId', VotingIdPipe) batchId: string,
    @Body() body: EnterPaperBallotDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const context = contextOf(principal, OFFICIAL, this.clock.now(), undefined, () => this.ids.newId());
    const content = contentOf(body.ballot);
    const expected = expectedRevisionFrom(ifMatch);
    const result = await this.commands.execute(new VotingRequest('EnterPaperBallot', (deps) => enterPaperBallotFor(deps, { roundId, batchId, code: body.code, content }, context, expected)));
    response.setHeader('ETag', etagOf(result.nextRevision));
    return { id: batchId, revision: result.nextRevision.toString(), events: result.events.map((e) => e.type) };
  }

  @Post(':batchId/confirm')
  @HttpCode(200)
  @Allow(...OFFICIAL)
  @ApiOperation({ summary: 'A second official confirms the batch against its slip; its ballots then count' })
  async confirm(
    @Param('roundId', VotingIdPipe) roundId: string,
    @Param('batchId', VotingIdPipe) batchId: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const context = contextOf(principal, OFFICIAL, this.clock.now(), undefined, () => this.ids.newId());
    const expected = expectedRevisionFrom(ifMatch);
    const result = await this.commands.execute(new VotingRequest('ConfirmPaperBatch', (deps) => confirmBatch(deps, { roundId, batchId }, context, expected)));
    response.setHeader('ETag', etagOf(result.nextRevision));
    return { id: batchId, revision: result.nextRevision.toString(), events: result.events.map((e) => e.type), counted: result.counted };
  }
}
