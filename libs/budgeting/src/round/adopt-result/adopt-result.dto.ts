import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { RoundDecisionDto } from '../round-decision.dto.js';

@ApiSchema({ description: 'Adopt the published result, with the decision the regime requires' })
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
