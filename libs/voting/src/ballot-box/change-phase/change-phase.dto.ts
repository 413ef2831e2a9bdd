import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

@ApiSchema({ description: 'Open, close or seal the ballot box by hand, with the reason' })
export class PhaseChangeDto {
  @ApiProperty({ example: 'Voting period per the council decision of 12 March' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
