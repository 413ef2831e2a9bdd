import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { MAX_CODES_PER_RUN } from './generate-voting-codes.use-case.js';

@ApiSchema({ description: 'Generate voting codes for an area and age band' })
export class GenerateVotingCodesDto {
  @ApiProperty({ example: 500 })
  @IsInt()
  @Min(1)
  @Max(MAX_CODES_PER_RUN)
  count!: number;

  @ApiProperty({ example: 'WK036301' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{0,40}$/)
  area!: string;

  @ApiProperty({ example: '18-64' })
  @IsString()
  @Matches(/^(\d{1,3}-\d{1,3}|\d{1,3}\+)$/)
  ageBand!: string;
}
