import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ROUND_PHASES, type RoundPhase } from '../round.events.js';
import { RoundDecisionDto } from '../round-decision.dto.js';

@ApiSchema({ description: 'Move the round to its next phase, with the reason (and the decision the regime requires)' })
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
