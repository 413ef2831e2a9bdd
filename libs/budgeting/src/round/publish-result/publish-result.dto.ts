import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { RoundDecisionDto } from '../round-decision.dto.js';
import { PlanOutcomeDto, WinnerDto } from '../round-result.dto.js';

/**
 * A vote: send only an optional reason; the server counts the ballots with the frozen rule.
 * A residents' body: its winners, explanation and decision reference.
 */
@ApiSchema({ description: 'Publish the round\'s result: counted by the server for a vote, or the residents\' body\'s decision' })
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
