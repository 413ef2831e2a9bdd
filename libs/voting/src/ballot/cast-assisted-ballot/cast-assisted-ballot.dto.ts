import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
import { BallotContentDto } from '../ballot-content.dto.js';

@ApiSchema({ description: 'A ballot cast with a staff member\'s help (the assisted channel): the voter\'s code and the content' })
export class CastAssistedBallotDto {
  @ApiProperty({ example: 'K7QM-4TXA-93WD-PRZB', description: 'The voter\'s voting code, shown by the voter who is present (never stored)' })
  @IsString()
  @Length(8, 80)
  code!: string;

  @ApiProperty({ type: BallotContentDto })
  @ValidateNested()
  @Type(() => BallotContentDto)
  ballot!: BallotContentDto;
}
