import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class PhaseChangeDto {
  @ApiProperty({ example: 'Voting period per the council decision of 12 March' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
