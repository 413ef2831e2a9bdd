import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ROUND_PHASES, type DecidedBy, type RoundPhase } from '../round.events.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

@ApiSchema({ description: 'A phase of the round and the dates planned for it' })
export class ScheduledPhaseDto {
  @ApiProperty({ enum: ROUND_PHASES, example: 'submission' })
  @IsIn(ROUND_PHASES)
  phase!: RoundPhase;

  @ApiProperty({ example: '2026-02-01' })
  @Matches(DATE, { message: 'opensOn must be YYYY-MM-DD' })
  opensOn!: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOptional()
  @Matches(DATE, { message: 'closesOn must be YYYY-MM-DD' })
  closesOn?: string;
}

@ApiSchema({ description: 'Unspent money of an earlier year that stays with an area' })
export class CarryOverDto {
  @ApiProperty({ example: 'DORP-2' })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  areaCode!: string;

  @ApiProperty({ example: 120_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fromYear!: number;
}

@ApiSchema({ description: 'Plan a round under a budget: its year, schedule and the form\'s options' })
export class PlanRoundDto {
  @ApiProperty({ example: 'b3f1c2d4-0d7e-4a53-9a8e-3f0c4b1e2a77' })
  @Matches(ID, { message: 'budgetId is not a valid id' })
  budgetId!: string;

  @ApiPropertyOptional({ example: 'Buurtbudget Oost 2026', description: 'Default: the frame title and the year' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: ['vote', 'residents-body'], description: 'wijk/dorpsbudget: default residents-body under a delegated regime, else vote' })
  @IsOptional()
  @IsIn(['vote', 'residents-body'])
  decidedBy?: DecidedBy;

  @ApiPropertyOptional({ example: false, description: 'burgerbegroting: a committee preselects plans before the vote' })
  @IsOptional()
  @IsBoolean()
  preselection?: boolean;

  @ApiProperty({ type: [ScheduledPhaseDto], example: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }, { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' }] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ScheduledPhaseDto)
  schedule!: ScheduledPhaseDto[];

  @ApiPropertyOptional({ type: [CarryOverDto], description: 'wijk/dorpsbudget: unspent money of earlier years, per area' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CarryOverDto)
  carryOver?: CarryOverDto[];

  @ApiPropertyOptional({ example: ['2026-03-01', '2026-09-01'], description: 'initiatievenfonds: fixed intake dates for applications above the threshold' })
  @IsOptional()
  @IsArray()
  @Matches(DATE, { each: true, message: 'intakeDates are YYYY-MM-DD' })
  intakeDates?: string[];
}
