import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, MaxLength, ValidateNested } from 'class-validator';
import { RoundDecisionDto } from '../round-decision.dto.js';

@ApiSchema({ description: 'Cancel the round before its result is adopted, on a decision of the college or the council' })
export class CancelRoundDto {
  @ApiProperty({ example: 'Storing bij het stemmen; het college zet de ronde stop', description: 'Required (ROUND.REASON_REQUIRED)' })
  @IsString()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ type: RoundDecisionDto, description: 'The decision that stops the round (ROUND.DECISION_REQUIRED)' })
  @ValidateNested()
  @Type(() => RoundDecisionDto)
  decision!: RoundDecisionDto;
}
