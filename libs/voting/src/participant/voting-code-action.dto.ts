import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

/** Blocking or re-issuing a code: the code from the letter and why. */
@ApiSchema({ description: 'A voting code and the reason to block or reissue it' })
export class VotingCodeActionDto {
  @ApiProperty({ example: 'K7QM-4TXA-93WD-PRZB' })
  @IsString()
  @Length(8, 80)
  code!: string;

  @ApiProperty({ example: 'Resident reported the letter stolen' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
