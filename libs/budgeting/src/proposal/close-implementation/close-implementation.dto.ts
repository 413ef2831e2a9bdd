import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';


@ApiSchema({ description: 'Close the implementation as realised, partly realised or cancelled, with the reason' })
export class CloseImplementationDto {
  @ApiProperty({ enum: ['realised', 'partly_realised', 'cancelled'], example: 'realised' })
  @IsIn(['realised', 'partly_realised', 'cancelled'])
  outcome!: 'realised' | 'partly_realised' | 'cancelled';

  @ApiProperty({ example: 'Speeltoestellen geplaatst en opgeleverd op 2026-09-15' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
