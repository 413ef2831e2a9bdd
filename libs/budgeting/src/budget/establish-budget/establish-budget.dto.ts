import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DecisionReferenceDto, FrameFieldsDto } from '../budget-frame.dto.js';

/** Establish a budget frame: every frame field, or `from` a template plus the fields that differ. */
@ApiSchema({ description: 'Establish a budget: the frame (or a template to copy with overrides) and the decision that sets it' })
export class EstablishBudgetDto extends FrameFieldsDto {
  override completeFrameRequired(): boolean {
    return this.from === undefined;
  }

  @ApiPropertyOptional({ example: 'stadsdeel-burgerbegroting', description: 'Copy this template (GET /budget-templates); the fields in this body replace its top-level fields' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  from?: string;

  @ApiPropertyOptional({ type: DecisionReferenceDto, description: 'The council or college decision that sets the frame (required; BUDGET.DECISION_REFERENCE_REQUIRED when missing)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionReferenceDto)
  decision?: DecisionReferenceDto;
}
