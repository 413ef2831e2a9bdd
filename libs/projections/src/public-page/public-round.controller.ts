import { Controller, Get, Header, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiProblems, Public } from '@lib/platform';
import { withETag } from '../http/http.js';
import { renderPublicRound } from './public-round.page.js';
import { GetPublicRound } from './public-round.query.js';

@ApiTags('public')
@Controller('public/rounds')
export class PublicRoundController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiQuery({ name: 'lang', required: false, enum: ['nl', 'en'] })
  @ApiOperation({ summary: 'The public results page of a round (Dutch, or English with ?lang=en): status, plans, result with explanations, turnout and representativeness, and every seal of the round (moment, phase change, digest, store-wide head) with the audit command that checks it; no interim counts unless the frame allows them' })
  @ApiOkResponse({ description: 'The page as HTML (always; there is no JSON variant)', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProblems({ 404: ['READ_MODEL.NOT_FOUND'] })
  async page(@Param('roundId') roundId: string, @Query('lang') lang: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string | undefined> {
    const view = await this.queries.execute(new GetPublicRound(roundId));
    if (!view) throw new NotFoundException({ code: 'READ_MODEL.NOT_FOUND', message: `No round ${roundId}` });
    response.setHeader('Content-Language', lang === 'en' ? 'en' : 'nl');
    return withETag(request, response, renderPublicRound(view, lang === 'en' ? 'en' : 'nl', `/public/rounds/${encodeURIComponent(roundId)}`));
  }
}
