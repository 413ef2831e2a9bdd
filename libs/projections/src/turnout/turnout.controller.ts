import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, ApiProblems, CLOCK, type Clock, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { withETag } from '../http/http.js';
import { ImportPopulation } from './import-population.command.js';
import { parseCbsPopulation, PopulationFileError } from './population-import.js';
import { INTEGER, NUMBER, nullable, objectSchema, STRING } from '../http/openapi.js';
import { GetRoundTurnout } from './turnout.query.js';

const GROUP = objectSchema({ group: STRING, ballots: nullable(INTEGER), population: INTEGER, index: nullable(NUMBER), suppressed: { type: 'boolean' } }, ['suppressed']);
const TURNOUT = objectSchema({
  roundId: STRING,
  phase: STRING,
  ballots: INTEGER,
  eligible: INTEGER,
  populationSource: { type: 'string', description: 'The CBS source of the population reference, or `roll` when none is imported' },
  byArea: { type: 'array', items: GROUP },
  byChannel: { type: 'array', items: objectSchema({ channel: STRING, ballots: INTEGER }) },
  byAgeBand: { type: 'array', items: GROUP },
  liveCount: { type: 'array', items: objectSchema({ planId: STRING, ballots: INTEGER, points: INTEGER }) },
  signIns: { type: 'integer', description: 'Voter sign-ins recorded in the round (VoterSignedIn, by code or resident sign-in): more than ballots and replacements explain may mean codes were used by others' },
  keyDestroyedAt: { type: 'string', format: 'date-time', nullable: true, description: 'When the round key (the link from codes to ballots) was destroyed; null while it lives' },
});

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models')
export class TurnoutController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put('population')
  @HttpCode(200)
  @Allow('administrator')
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'CBS Kerncijfers wijken en buurten as CSV: Codering_3; AantalInwoners_5; k_0Tot15Jaar_8 … k_65JaarOfOuder_12' })
  @ApiQuery({ name: 'source', required: false, example: 'CBS Kerncijfers wijken en buurten 2024' })
  @ApiOperation({ summary: 'Replaces the municipality\'s population reference (per area and age band) used for representativeness' })
  @ApiOkResponse({ description: 'How many rows (area and age band figures) were imported', schema: objectSchema({ imported: INTEGER }) })
  @ApiProblems({ 400: ['POPULATION.INVALID_FILE'] })
  async importPopulation(@Body() body: unknown, @Query('source') source: string | undefined, @CurrentPrincipal() principal: Principal) {
    if (typeof body !== 'string') throw new BadRequestException({ code: 'POPULATION.INVALID_FILE', message: 'Send the CSV as text/csv' });
    let figures;
    try {
      figures = parseCbsPopulation(body);
    } catch (error) {
      if (error instanceof PopulationFileError) throw new BadRequestException({ code: 'POPULATION.INVALID_FILE', message: error.message });
      throw error;
    }
    const count = await this.commands.execute(new ImportPopulation(principal.tenant, figures, source?.slice(0, 200) || 'CBS Kerncijfers wijken en buurten', this.clock.now()));
    return { imported: count };
  }

  @Get('rounds/:roundId/turnout')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Turnout by area (with representativeness index: share of voters / share of population), channel and age band, and the live count per plan (staff only)' })
  @ApiOkResponse({ description: 'Turnout and representativeness of the round, with the live count', schema: TURNOUT })
  @ApiProblems({ 404: ['READ_MODEL.NOT_FOUND'] })
  async turnout(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetRoundTurnout(principal.tenant, roundId)));
  }
}
