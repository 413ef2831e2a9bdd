import { Controller, Get, Header, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiProblems, Public } from '@lib/platform';
import { explain } from '@lib/tally';
import { withETag } from '../http/http.js';
import { nullable, objectSchema, type SchemaObject } from '../http/openapi.js';
import { renderPublicRound } from './public-round.page.js';
import { GetPublicRound } from './public-round.query.js';
import type { PublicRoundView } from './public-round.view.js';

const worded: SchemaObject = objectSchema({ nl: { type: 'string', example: 'Gekozen: 12 stemmen, paste met € 4.000 over' }, en: { type: 'string', example: 'Selected: 12 votes, fitted with €4,000 left' } });
const PUBLIC_RESULT = objectSchema({
  roundId: { type: 'string', example: 'r-2026' },
  title: { type: 'string', example: 'Burgerbegroting Oost 2026' },
  phase: { type: 'string', example: 'adoption', description: "The round's phase" },
  resultStatus: { type: 'string', example: 'published', description: 'none | published | corrected | adopted …, as the round records it' },
  published: { type: 'boolean', example: true, description: 'A result is published: the plans below are the outcome. False: nothing to show yet (no interim counts here)' },
  budgetCents: { ...nullable({ type: 'integer' }), example: 30_000_000 },
  plans: {
    type: 'array',
    items: objectSchema({
      planId: { type: 'string', example: '3f1c…' },
      title: { type: 'string', example: 'Speeltuin Oosterpark' },
      selected: { type: 'boolean', example: true },
      votes: { ...nullable({ type: 'number' }), example: 12 },
      amountCents: { ...nullable({ type: 'integer' }), example: 2_500_000, description: 'What the plan gets, when selected' },
      reason: { ...nullable({ type: 'string' }), example: 'selected', description: 'The reason code of the count (selected, did-not-fit, …); null for an explanation written by hand' },
      explanation: { ...worded, description: 'Why, in Dutch and in English, as the public page words it' },
    }),
  },
});

/** The published result of a public round view, as JSON: winners first, each with why (no interim counts). */
export function publicResult(view: PublicRoundView) {
  const published = view.results.length > 0 && !view.votingRuns;
  return {
    roundId: view.roundId,
    title: view.title,
    phase: view.phase,
    resultStatus: view.resultStatus,
    published,
    budgetCents: view.budgetCents,
    plans: published
      ? view.results.map((r) => ({
          planId: r.id,
          title: r.title,
          selected: r.selected,
          votes: r.votes,
          amountCents: r.selected ? r.amountCents : null,
          reason: r.reason?.code ?? null,
          explanation: { nl: r.reason ? explain(r.reason, 'nl') : r.explanation, en: r.reason ? explain(r.reason, 'en') : r.explanation },
        }))
      : [],
  };
}

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

  @Get(':roundId/result')
  @Public()
  @ApiOperation({
    summary: "A round's published result as JSON, for the residents' portal: per plan selected or not, votes, amount and why (in Dutch and English), winners first; the same result the public page shows, and nothing before it is published",
  })
  @ApiOkResponse({ description: 'The result (published: false and no plans while there is none)', schema: PUBLIC_RESULT })
  @ApiProblems({ 404: ['READ_MODEL.NOT_FOUND'] })
  async result(@Param('roundId') roundId: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const view = await this.queries.execute(new GetPublicRound(roundId));
    if (!view) throw new NotFoundException({ code: 'READ_MODEL.NOT_FOUND', message: `No round ${roundId}` });
    return withETag(request, response, publicResult(view));
  }
}
