import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
import { BallotContentDto } from '../../ballot/ballot-content.dto.js';

@ApiSchema({ description: 'One paper ballot of a batch: the code printed on it and its content' })
export class EnterPaperBallotDto {
  @ApiProperty({ example: 'K7QM-4TXA-93WD-PRZB', description: 'The code printed on the paper ballot' })
  @IsString()
  @Length(8, 80)
  code!: string;

  @ApiProperty({ type: BallotContentDto })
  @ValidateNested()
  @Type(() => BallotContentDto)
  ballot!: BallotContentDto;
}
