import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CodedBallotDto } from '../../ballot/ballot-content.dto.js';

@ApiSchema({ description: 'One paper ballot of a batch: the code printed on it and its content' })
export class EnterPaperBallotDto extends CodedBallotDto {
  @ApiProperty({ description: 'The code printed on the paper ballot' })
  declare code: string;
}
