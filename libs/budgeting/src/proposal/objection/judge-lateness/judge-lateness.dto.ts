import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';

@ApiSchema({ description: 'Whether a late objection\'s lateness is excusable (Awb 6:11), with the reason' })
export class JudgeLatenessDto {
  @ApiProperty({ example: true, description: 'false: the objection is niet-ontvankelijk' })
  @IsBoolean()
  excusable!: boolean;

  @ApiProperty({ example: 'De beschikking is naar een oud adres gestuurd' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
