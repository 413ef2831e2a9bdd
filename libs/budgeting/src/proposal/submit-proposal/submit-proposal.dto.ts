import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsNotEmptyObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CostEstimateDto } from '../proposal-cost.dto.js';

/** Personal data: kept encrypted outside the event store, shown to administrators only. */
@ApiSchema({ description: 'The submitter\'s contact details: kept encrypted outside the events, erased with their key' })
export class ContactDetailsDto {
  @ApiProperty({ example: 'Fatima de Vries' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ required: false, example: 'fatima@example.nl' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ required: false, example: '+31612345678' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/)
  phone?: string;
}

@ApiSchema({ description: 'Submit a plan to a round: area, theme, title, summary, cost estimate and the submitter' })
export class SubmitProposalDto {
  @ApiProperty({ example: 'BU03630000', description: 'An area of the round\'s frame' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  areaId!: string;

  @ApiProperty({ example: 'spelen', description: 'A theme of the round\'s frame' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  themeId!: string;

  @ApiProperty({ example: 'Speeltuin Oosterpark' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'Nieuwe speeltoestellen en een bankje bij de vijver' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  summary!: string;

  @ApiProperty({ type: CostEstimateDto })
  @ValidateNested()
  @IsNotEmptyObject()
  @Type(() => CostEstimateDto)
  costEstimate!: CostEstimateDto;

  @ApiProperty({ type: ContactDetailsDto, required: false })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDetailsDto)
  contactDetails?: ContactDetailsDto;

  @ApiProperty({ required: false, example: 'staff-8c1f', description: 'When the resident is also a municipal employee: their staff id, so they can never review their own plan' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:@-]{1,200}$/)
  submitterStaffRef?: string;
}
