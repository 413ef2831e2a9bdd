import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { RoundDecisionDto } from '../round-decision.dto.js';
import { ResultDataDto } from '../round-result.dto.js';

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
