import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

@ApiSchema({ description: "Your bezwaarschrift against the beschikking on your plan: the grounds (why you object). They are kept encrypted, outside the plan's history" })
export class LodgeMyObjectionDto {
  @ApiProperty({ example: 'De activiteit valt wel binnen de regeling: het is een buurtactiviteit voor alle bewoners.', description: 'Awb 6:5: why you object; personal data, never in an event' })
  @IsString()
  @MaxLength(20_000)
  grounds!: string;
}

@ApiSchema({ description: 'A bezwaarschrift that came in on paper or by e-mail, registered for the applicant' })
export class LodgeObjectionDto extends LodgeMyObjectionDto {
  @ApiProperty({ example: '2026-07-10', description: 'Date it was received (YYYY-MM-DD); not before the beschikking, not in the future' })
  @IsISO8601({ strict: true })
  receivedOn!: string;

  @ApiProperty({ required: false, example: '2026-07-09', description: 'Sent by post: the postmark date (Awb 6:9(2))' })
  @IsOptional()
  @IsISO8601({ strict: true })
  postedOn?: string;
}
