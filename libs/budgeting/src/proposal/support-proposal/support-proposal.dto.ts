import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Matches } from 'class-validator';

@ApiSchema({ description: 'One resident\'s support for a plan, by pseudonym' })
export class SupportProposalDto {
  @ApiProperty({ example: 'ps-4f9a2c7e1b', description: 'The supporting resident\'s pseudonym (from the participant roll); never a name or e-mail address' })
  @Matches(/^[A-Za-z0-9_-]{6,128}$/, { message: 'supporterRef must be a pseudonym (6–128 letters, digits, - or _)' })
  supporterRef!: string;
}
