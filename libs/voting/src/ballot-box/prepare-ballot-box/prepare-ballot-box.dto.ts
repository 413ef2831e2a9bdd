import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString } from 'class-validator';

@ApiSchema({ description: 'Prepare a round\'s ballot box by hand: the budget and the plans on the ballot' })
export class PrepareBallotBoxDto {
  @ApiProperty({ example: 'b3f1c2d4-0d7e-4a53-9a8e-3f0c4b1e2a77' })
  @IsString()
  budgetId!: string;

  @ApiProperty({ type: [String], description: 'Plans admitted to this round\'s ballot' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  proposalIds!: string[];

  @ApiProperty({ required: false, enum: ['paper', 'online'], description: 'Which ballot counts when a code was used on paper and online (default paper)' })
  @IsOptional()
  @IsIn(['paper', 'online'])
  paperPrecedence?: 'paper' | 'online';
}
