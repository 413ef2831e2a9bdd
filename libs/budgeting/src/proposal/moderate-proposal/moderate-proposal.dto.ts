import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@ApiSchema({ description: 'Staff moderate a resident\'s plan into intake, or refuse it with the reason' })
export class ModerateProposalDto {
  @ApiProperty({ example: false, description: 'true: the plan enters intake and becomes public; false: it is refused and stays out of sight' })
  @IsBoolean()
  admitted!: boolean;

  @ApiProperty({ required: false, example: 'Het plan noemt buren bij naam; dien het opnieuw in zonder namen', description: 'Required to refuse (PROPOSAL.REASON_REQUIRED); recorded in the event' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
