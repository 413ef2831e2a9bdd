import { Controller, Get, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { Allow, ApiProblems, CLOCK, type Clock, CurrentPrincipal, type Principal, StreamIdPipe } from '@lib/platform';
import { ObjectionUnknownLetterError } from '../../proposal.errors.js';
import type { Role } from '@lib/platform';
import { GetProposal } from '../../get-proposal/get-proposal.query.js';
import { letterMarkdown, letterPdf, OBJECTION_LETTERS, type ObjectionLetter, objectionLetter } from './objection-letters.js';

export class ObjectionLetterQuery {
  @ApiPropertyOptional({ enum: ['nl', 'en'], example: 'nl', description: 'Dutch (the letter the municipality sends, B1 level) or English on request' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';

  @ApiPropertyOptional({ enum: ['pdf', 'markdown'], example: 'pdf', description: 'Default pdf' })
  @IsOptional()
  @IsIn(['pdf', 'markdown'])
  format?: 'pdf' | 'markdown';
}

/** Administrators send the letters (with the applicant's name); auditors read them (without it). */
const LETTER_READERS = ['administrator', 'auditor'] as const satisfies readonly Role[];

@ApiTags('objections')
@ApiBearerAuth()
@Controller('proposals')
export class ObjectionLettersController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':proposalId/objection/letters/:letter')
  @Allow(...LETTER_READERS)
  @ApiParam({ name: 'letter', enum: OBJECTION_LETTERS })
  @ApiProduces('application/pdf', 'text/markdown')
  @ApiOperation({
    summary: 'A letter of the objection procedure, addressed to the applicant: ontvangstbevestiging (Awb 6:14), uitnodiging-hoorzitting (7:2), beslissing-op-bezwaar (7:12, with the beroep route); Dutch, or English with lang=en',
  })
  @ApiOkResponse({ description: 'The letter as PDF (default) or Markdown; it names the applicant when their contact details are known and the caller is an administrator', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'text/markdown': { schema: { type: 'string' } } } })
  @ApiProblems({ 400: ['OBJECTION.UNKNOWN_LETTER'], 404: ['PROPOSAL.NOT_FOUND', 'OBJECTION.NOT_FOUND'], 409: ['OBJECTION.LETTER_NOT_AVAILABLE'] })
  async letter(
    @Param('proposalId', StreamIdPipe) proposalId: string,
    @Param('letter') kind: string,
    @Query() query: ObjectionLetterQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | string> {
    if (!(OBJECTION_LETTERS as readonly string[]).includes(kind)) throw new ObjectionUnknownLetterError(`The letters are ${OBJECTION_LETTERS.join(', ')}`, { letters: OBJECTION_LETTERS });
    const lang = query.lang ?? 'nl';
    const { state, contactDetails } = await this.queries.execute(new GetProposal(proposalId, principal.tenant, principal.roles.includes('administrator')));
    const letter = objectionLetter(state, kind as ObjectionLetter, lang, contactDetails?.name ?? null);
    response.setHeader('Content-Language', lang);
    response.setHeader('Cache-Control', 'no-store');
    if (query.format === 'markdown') {
      response.setHeader('Content-Type', 'text/markdown; charset=utf-8');
      return letterMarkdown(letter);
    }
    return new StreamableFile(await letterPdf(letter, this.clock.now()), { type: 'application/pdf', disposition: `inline; filename="${kind}-${proposalId}${lang === 'en' ? '.en' : ''}.pdf"` });
  }
}
