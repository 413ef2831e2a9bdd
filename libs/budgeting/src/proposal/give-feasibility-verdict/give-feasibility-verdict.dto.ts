import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

@ApiSchema({ description: 'A reviewer\'s verdict on one published criterion for the current version, with the reason' })
export class GiveFeasibilityVerdictDto {
  @ApiProperty({ example: 'c-cost', description: 'A criterion published before submission opened' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  criterionId!: string;

  @ApiProperty({ enum: ['met', 'not_met', 'needs_revision'], example: 'met' })
  @IsIn(['met', 'not_met', 'needs_revision'])
  outcome!: 'met' | 'not_met' | 'needs_revision';

  @ApiProperty({ example: 'Kosten inclusief vijf jaar onderhoud passen binnen het maximum' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
