import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ApiSchema({ description: 'Postpone the decision on the objection (Awb 7:10(3); further only with the objector\'s consent, 7:10(4))' })
export class ExtendObjectionTermDto {
  @ApiProperty({ example: 6, description: 'Weeks; at most 6 without consent' })
  @IsInt()
  @Min(1)
  @Max(52)
  weeks!: number;

  @ApiProperty({ required: false, example: false, description: 'The objector agreed (7:10(4)(a)); needed for a second postponement' })
  @IsOptional()
  @IsBoolean()
  withConsent?: boolean;

  @ApiProperty({ example: 'Advies van de commissie bezwaarschriften volgt later' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
