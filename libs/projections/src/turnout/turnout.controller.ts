import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, CLOCK, type Clock, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { notFound, withETag } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import { turnoutFigures } from '../public-page/public-round.view.js';
import { importPopulation, parseCbsPopulation, PopulationFileError } from './population-import.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models')
export class TurnoutController {
  constructor(
    private readonly readModels: ReadModelsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put('population')
  @HttpCode(200)
  @Allow('administrator')
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'CBS Kerncijfers wijken en buurten as CSV: Codering_3; AantalInwoners_5; k_0Tot15Jaar_8 … k_65JaarOfOuder_12' })
  @ApiQuery({ name: 'source', required: false, example: 'CBS Kerncijfers wijken en buurten 2024' })
  @ApiOperation({ summary: 'Replaces the municipality\'s population reference (per area and age band) used for representativeness' })
  async importPopulation(@Body() body: unknown, @Query('source') source: string | undefined, @CurrentPrincipal() principal: Principal) {
    if (typeof body !== 'string') throw new BadRequestException({ code: 'POPULATION.INVALID_FILE', message: 'Send the CSV as text/csv' });
    try {
      const figures = parseCbsPopulation(body);
      const count = await importPopulation(await this.readModels.db(), principal.tenant, figures, source?.slice(0, 200) || 'CBS Kerncijfers wijken en buurten', this.clock.now());
      return { imported: count };
    } catch (error) {
      if (error instanceof PopulationFileError) throw new BadRequestException({ code: 'POPULATION.INVALID_FILE', message: error.message });
      throw error;
    }
  }

  @Get('rounds/:roundId/turnout')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Turnout by area (with representativeness index: share of voters / share of population), channel and age band, and the live count per plan (staff only)' })
  async turnout(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const db = await this.readModels.db();
    const body = await db.read(async (m) => {
      const s = db.schema;
      const [box] = await m.query<{ eligible: number; phase: string }[]>(`SELECT eligible, phase FROM ${s}.ballot_box WHERE round_id = $1 AND tenant = $2`, [roundId, principal.tenant]);
      if (!box) return null;
      const ballots = await m.query<{ area: string; channel: string; ballots: number }[]>(`SELECT area, channel, ballots FROM ${s}.turnout_ballots WHERE round_id = $1 AND tenant = $2`, [roundId, principal.tenant]);
      const roll = await m.query<{ area: string; age_band: string; eligible: number }[]>(`SELECT area, age_band, eligible FROM ${s}.turnout_roll WHERE round_id = $1 AND tenant = $2`, [roundId, principal.tenant]);
      const population = await m.query<{ area_code: string; age_band: string; population: number; source: string }[]>(
        `SELECT area_code, age_band, population, source FROM ${s}.population_reference WHERE tenant = $1`,
        [principal.tenant],
      );
      const live = await m.query<{ plan_id: string; ballots: number; points: number }[]>(`SELECT plan_id, ballots, points FROM ${s}.live_count WHERE round_id = $1 AND tenant = $2 ORDER BY ballots DESC, plan_id`, [
        roundId,
        principal.tenant,
      ]);
      return { roundId, phase: box.phase, ...turnoutFigures(ballots, roll, population, box.eligible), liveCount: live.map((l) => ({ planId: l.plan_id, ballots: l.ballots, points: l.points })) };
    });
    if (!body) notFound('ballot box', roundId);
    return withETag(request, response, body);
  }
}
