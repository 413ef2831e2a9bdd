import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import type { BallotContent } from './ballot.content.js';

@ApiSchema({ description: 'A ballot\'s content, by ballot type: the plans chosen, points, ranking or scores' })
export class BallotContentDto {
  @ApiProperty({ enum: ['approval', 'choose-1', 'cumulative', 'ordinal', 'scoring'], example: 'approval' })
  @IsIn(['approval', 'choose-1', 'cumulative', 'ordinal', 'scoring'])
  type!: BallotContent['type'];

  @ApiProperty({ required: false, type: [String], example: ['3f1c…', '9a2b…'], description: 'approval, choose-1: the plans chosen' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  choices?: string[];

  @ApiProperty({ required: false, type: Object, additionalProperties: { type: 'integer' }, example: { '3f1c…': 6, '9a2b…': 4 }, description: 'cumulative, scoring: whole points per plan' })
  @IsOptional()
  @IsObject()
  points?: Record<string, number>;

  @ApiProperty({ required: false, type: [String], description: 'ordinal: plans, best first' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  ranking?: string[];
}

/** What a ballot's content can be refused for (400): its shape, then the frame's ballot rules. */
export const BALLOT_CONTENT_PROBLEMS = [
  'BALLOT.MALFORMED',
  'BALLOT.WRONG_TYPE',
  'BALLOT.DUPLICATE_PLAN',
  'BALLOT.UNKNOWN_PLAN',
  'BALLOT.INVALID_POINTS',
  'BALLOT.POINTS_EXCEEDED',
  'BALLOT.RANKING_TOO_LONG',
  'BALLOT.TOO_MANY_PLANS',
  'BALLOT.TOO_FEW_PLANS',
  'BALLOT.COST_CAP_EXCEEDED',
  'BALLOT.MIN_SPEND_NOT_MET',
  'BALLOT.THEME_QUOTA_NOT_MET',
  'BALLOT.THEME_QUOTA_EXCEEDED',
] as const;

/**
 * A ballot entered with a voting code: the code and the content. Each channel says where the code
 * comes from (the voter present, the paper) in its own `code` description and schema.
 */
export abstract class CodedBallotDto {
  @ApiProperty({ example: 'K7QM-4TXA-93WD-PRZB' })
  @IsString()
  @Length(8, 80)
  code!: string;

  @ApiProperty({ type: BallotContentDto })
  @ValidateNested()
  @Type(() => BallotContentDto)
  ballot!: BallotContentDto;
}

/** The domain's ballot content from the request body; a body that does not fit its type is a 400. */
export function contentOf(dto: BallotContentDto): BallotContent {
  const malformed = (field: string) => new BadRequestException({ code: 'BALLOT.MALFORMED', message: `A ${dto.type} ballot needs ${field} (and nothing else)` });
  switch (dto.type) {
    case 'approval':
    case 'choose-1':
      if (!dto.choices || dto.points || dto.ranking) throw malformed('choices');
      return { type: dto.type, choices: [...dto.choices] };
    case 'cumulative':
    case 'scoring':
      if (!dto.points || dto.choices || dto.ranking || Object.values(dto.points).some((v) => typeof v !== 'number')) throw malformed('points');
      return { type: dto.type, points: { ...dto.points } };
    case 'ordinal':
      if (!dto.ranking || dto.choices || dto.points) throw malformed('ranking');
      return { type: 'ordinal', ranking: [...dto.ranking] };
  }
}

/** Answer of a ballot command: the ballot stream's revision (the ETag to replace it with) and the events; the stream's name stays secret. */
@ApiSchema({ description: 'A ballot cast or replaced: its revision (the ETag) and the event types appended' })
export class BallotAcceptedDto {
  @ApiProperty({ example: '0', description: 'Revision of your ballot; the same value as the ETag' })
  revision!: string;

  @ApiProperty({ example: ['BallotCast'] })
  events!: string[];

  @ApiProperty({
    example: 'q3Vn0C1mXk2yJm7T0xJ5m2zV4cXl9Y0b6f1d8sKp3aA',
    description: 'Your receipt, shown this once: after voting closes it tells you that your ballot was counted, and after adoption which of your plans won (GET /rounds/{roundId}/receipts/{receipt}). Keep it to yourself: whoever holds it can read your result.',
  })
  receipt!: string;
}
