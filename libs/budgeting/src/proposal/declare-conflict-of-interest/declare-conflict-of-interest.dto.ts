import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class DeclareConflictOfInterestDto {
  @ApiProperty({ example: 'Ik woon naast de locatie van het plan' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
