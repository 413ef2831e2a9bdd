import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ApiSchema({ description: 'Extend an application\'s statutory decision deadline once (Awb 4:14), with the reason' })
export class ExtendDecisionDeadlineDto {
  @ApiProperty({ required: false, example: 28, description: 'Days; default the longest extension the frame allows' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  extensionDays?: number;

  @ApiProperty({ example: 'Advies van de wijkraad is nodig' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
