import { BadRequestException, Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { type CommandCall, CommandCaller, CommandEndpoint, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { ImportVoterRollRequest } from './import-voter-roll.handler.js';

@ApiSchema({ description: 'What a voter-roll import registered, and how many of those codes may vote' })
export class VoterRollImportedDto {
  @ApiProperty({ example: 1200, description: 'Codes registered' })
  registered!: number;
  @ApiProperty({ example: 1180, description: 'Of those, codes that give a vote under the frame\'s eligibility' })
  eligible!: number;
}

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class ImportVoterRollController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @CommandEndpoint({
    method: 'POST',
    path: 'voter-roll',
    roles: WRITE_ROLES,
    summary: "Import the municipality's roll: CSV `code,area,age_band[,role]`; any other column (names, addresses, BSN) refuses the whole file",
    type: VoterRollImportedDto,
    ifMatch: false,
    problems: { 400: ['VOTER_ROLL.NOT_CSV', 'VOTER_ROLL.EMPTY', 'VOTER_ROLL.MISSING_COLUMN', 'VOTER_ROLL.UNEXPECTED_COLUMN', 'VOTER_ROLL.PERSONAL_DATA_COLUMN', 'VOTER_ROLL.INVALID_ROW', 'VOTER_ROLL.DUPLICATE_CODE', 'VOTER_ROLL.WEAK_CODE', 'PARTICIPANT.INVALID_AGE_BAND', 'PARTICIPANT.INVALID_AREA', 'PARTICIPANT.AGE_BAND_STRADDLES_MINIMUM'], 404: ['BALLOTBOX.NOT_FOUND'], 409: ['PARTICIPANT.ROLL_CLOSED', 'PARTICIPANT.ALREADY_REGISTERED', 'ROUND_KEY.DESTROYED'] },
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'code,area,age_band\nK7QM-4TXA-93WD-PRZB,WK036301,18-64\n' } })
  async importRoll(@Param('roundId', StreamIdPipe) roundId: string, @Body() csv: unknown, @CommandCaller() call: CommandCall): Promise<VoterRollImportedDto> {
    if (typeof csv !== 'string') throw new BadRequestException({ code: 'VOTER_ROLL.NOT_CSV', message: 'Send the roll as text/csv' });
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, WRITE_ROLES);
    return this.commands.execute(new ImportVoterRollRequest({ roundId, csv }, envelope));
  }
}
