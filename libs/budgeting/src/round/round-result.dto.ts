import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

@ApiSchema({ description: 'A plan the result selects, with the money it takes and its area pot' })
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

@ApiSchema({ description: 'Why a plan was or was not selected' })
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
