import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ROUND_PHASES, type DecidedBy, type RoundPhase } from './round.events.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export class RoundDecisionDto {
  @ApiProperty({ enum: ['council', 'college', 'residents-body'], example: 'college' })
  @IsIn(['council', 'college', 'residents-body'])
  body!: 'council' | 'college' | 'residents-body';

  @ApiProperty({ example: 'CB-2026-100' })
  @IsString()
  @MaxLength(100)
  number!: string;

  @ApiProperty({ example: '2026-07-01' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}

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

export class AdvancePhaseDto {
  @ApiProperty({ enum: ROUND_PHASES, example: 'voting', description: 'The next phase of the round\'s pipeline' })
  @IsIn(ROUND_PHASES)
  to!: RoundPhase;

  @ApiPropertyOptional({ example: 'Feasibility review finished; ballot published', description: 'Required (ROUND.REASON_REQUIRED)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ type: RoundDecisionDto, description: 'Required to start implementation under an advisory regime' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoundDecisionDto)
  decision?: RoundDecisionDto;
}

export class CommitFundsDto {
  @ApiProperty({ example: 'p-7' })
  @Matches(ID, { message: 'proposalId is not a valid id' })
  proposalId!: string;

  @ApiProperty({ example: 250_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @ApiPropertyOptional({ example: 'WK036301', description: 'Required when the round spends per area' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  areaCode?: string;
}

export class ReleaseFundsDto {
  @ApiProperty({ example: 'p-7' })
  @Matches(ID, { message: 'proposalId is not a valid id' })
  proposalId!: string;

  @ApiProperty({ example: 50_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @ApiPropertyOptional({ example: 'Realised for less than granted', description: 'Required (ROUND.REASON_REQUIRED)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class WinnerDto {
  @ApiProperty({ example: 'p-1' })
  @Matches(ID)
  proposalId!: string;

  @ApiProperty({ example: 4_000_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @ApiPropertyOptional({ example: 'WK036301' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  areaCode?: string;
}

export class PlanOutcomeDto {
  @ApiProperty({ example: 'p-3' })
  @Matches(ID)
  proposalId!: string;

  @ApiProperty({ example: false })
  @IsBoolean()
  selected!: boolean;

  @ApiProperty({ example: 'Did not fit the remaining €55.000' })
  @IsString()
  @MaxLength(2000)
  explanation!: string;

  @ApiPropertyOptional({ example: 77 })
  @IsOptional()
  @IsInt()
  @Min(0)
  votes?: number;

  @ApiPropertyOptional({ example: { remainingCents: 5_500_000 }, description: 'Whatever the count reports per plan (no personal data)' })
  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;
}

/** Winners and explanation as data: a correction, or the residents' body's decision. */
export class ResultDataDto {
  @ApiProperty({ type: [WinnerDto] })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => WinnerDto)
  winners!: WinnerDto[];

  @ApiProperty({ type: [PlanOutcomeDto] })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PlanOutcomeDto)
  explanation!: PlanOutcomeDto[];
}

/**
 * A vote: send only an optional reason; the server counts the ballots with the frozen rule.
 * A residents' body: its winners, explanation and decision reference.
 */
export class PublishResultDto {
  @ApiPropertyOptional({ example: 'Counted after the last paper batch was confirmed' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ type: [WinnerDto], description: 'Residents\' body only; a vote is counted (ROUND.RESULT_IS_COUNTED)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => WinnerDto)
  winners?: WinnerDto[];

  @ApiPropertyOptional({ type: [PlanOutcomeDto], description: 'Residents\' body only' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PlanOutcomeDto)
  explanation?: PlanOutcomeDto[];

  @ApiPropertyOptional({ type: RoundDecisionDto, description: 'Residents\' body only, required there: the decision that chose the plans' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoundDecisionDto)
  decision?: RoundDecisionDto;
}

export class AdoptResultDto {
  @ApiPropertyOptional({ type: RoundDecisionDto, description: 'Required under an advisory regime, from the body the frame names' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoundDecisionDto)
  decision?: RoundDecisionDto;

  @ApiPropertyOptional({ example: 'The college follows the vote', description: 'Required (ROUND.REASON_REQUIRED)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class CorrectResultDto extends ResultDataDto {
  @ApiPropertyOptional({ type: RoundDecisionDto, description: 'Required (ROUND.DECISION_REQUIRED)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoundDecisionDto)
  decision?: RoundDecisionDto;

  @ApiPropertyOptional({ example: 'Recount after a complaint', description: 'Required (ROUND.REASON_REQUIRED)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
