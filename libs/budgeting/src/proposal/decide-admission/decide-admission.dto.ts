import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';

export class DecideAdmissionDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  admitted!: boolean;

  @ApiProperty({ example: 'Voldoet aan alle gepubliceerde criteria' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
