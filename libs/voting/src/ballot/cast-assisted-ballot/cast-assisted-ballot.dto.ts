import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CodedBallotDto } from '../ballot-content.dto.js';

@ApiSchema({ description: 'A ballot cast with a staff member\'s help (the assisted channel): the voter\'s code and the content' })
export class CastAssistedBallotDto extends CodedBallotDto {
  @ApiProperty({ description: 'The voter\'s voting code, shown by the voter who is present (never stored)' })
  declare code: string;
}
