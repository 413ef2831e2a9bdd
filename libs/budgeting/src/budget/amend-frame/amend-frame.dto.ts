import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DecisionReferenceDto, FrameFieldsDto } from '../budget-frame.dto.js';

/** Amend the frame: the top-level fields that change, the new decision behind the change, and why. */
@ApiSchema({ description: 'Amend the frame into a new version: the fields that change, the new decision and the reason' })
export class AmendFrameDto extends FrameFieldsDto {
  @ApiPropertyOptional({ type: DecisionReferenceDto, description: 'The new decision (required; one that set an earlier version is refused)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionReferenceDto)
  decision?: DecisionReferenceDto;

  @ApiPropertyOptional({ example: 'The council raised the budget in the spring memorandum', description: 'Required (BUDGET.REASON_REQUIRED)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
