import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@ApiSchema({ description: 'Record what the adopted result says about the plan (only where the frame asks for manual selection; adoption marks plans otherwise)' })
export class RecordSelectionDto {
  @ApiProperty({ required: false, example: true, description: 'Omit to take it from the round\'s adopted (or corrected) result; when given it must agree (else 409 PROPOSAL.SELECTION_CONTRADICTS_RESULT)' })
  @IsOptional()
  @IsBoolean()
  selected?: boolean;

  @ApiProperty({ example: 'Uitslag vastgesteld door het college op 2026-05-20' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
