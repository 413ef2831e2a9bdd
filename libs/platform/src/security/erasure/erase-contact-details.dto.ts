import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

@ApiSchema({ description: 'Erase a submitter\'s contact details (their key is destroyed), with the request or legal ground' })
export class EraseContactDetailsDto {
  @ApiProperty({ example: 'Verzoek van betrokkene van 2026-05-28 (AVG art. 17); zaak Z/26/0412', description: 'Why: the request or the legal ground. Never the person\'s name or address.' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
