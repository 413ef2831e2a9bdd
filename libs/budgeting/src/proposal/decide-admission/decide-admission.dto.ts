import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';

@ApiSchema({ description: 'Admit the plan to the ballot, or refuse it, with the reason' })
export class DecideAdmissionDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  admitted!: boolean;

  @ApiProperty({ example: 'Voldoet aan alle gepubliceerde criteria' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
