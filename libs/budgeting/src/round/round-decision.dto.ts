import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ApiSchema({ description: 'A decision behind a round step: the council, the college or the residents\' body, by number and date' })
export class RoundDecisionDto {
  @ApiProperty({ enum: ['council', 'college', 'residents-body'], example: 'college' })
  @IsIn(['council', 'college', 'residents-body'])
  body!: 'council' | 'college' | 'residents-body';

  @ApiProperty({ example: 'CB-2026-100' })
  @IsString()
  @MaxLength(100)
  number!: string;

  @ApiProperty({ example: '2026-07-01' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}
