import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

@ApiSchema({ description: 'A reviewer declares a conflict of interest with the plan' })
export class DeclareConflictOfInterestDto {
  @ApiProperty({ example: 'Ik woon naast de locatie van het plan' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
