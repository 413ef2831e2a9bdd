import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { type AuditDomain, recordMarkdown, recordPdf, roundRecord, type RecordSigner } from '@lib/audit';
import { roundStream } from '@lib/budgeting/events';
import type { EventStore } from '@lib/event-store';
import { Allow, ApiProblems, AppConfig, CLOCK, type Clock, CurrentPrincipal, EVENT_STORE, type Principal, type Role, StreamIdPipe } from '@lib/platform';

/** Who may download the council's record: those who prepare it (administrator), the civil servants who present it (official), and the auditor; not the reviewers of plans. */
export const PROCES_VERBAAL_ROLES: Role[] = ['administrator', 'official', 'auditor'];

export const RECORD_SIGNER = Symbol('RECORD_SIGNER');
export const AUDIT_DOMAIN = Symbol('AUDIT_DOMAIN');

const FORMATS = ['pdf', 'markdown'] as const;
const LANGS = ['nl', 'en'] as const;

export class ProcesVerbaalQuery {
  @ApiPropertyOptional({ enum: FORMATS, example: 'pdf', description: 'pdf (signed with the municipality\'s key when one is configured) or markdown; without it the `Accept` header decides (`text/markdown`), else pdf' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: (typeof FORMATS)[number];

  @ApiPropertyOptional({ enum: LANGS, example: 'nl', description: 'nl (default) or en: the same record in English' })
  @IsOptional()
  @IsIn(LANGS)
  lang?: (typeof LANGS)[number];
}

/**
 * The proces-verbaal of a round, as `audit report` writes it, drawn up at the moment of the request
 * from the event store alone: the seals in it are the ones the round stream holds then. It can be
 * drawn up at any moment of the round, as with the CLI; before the result is adopted it is marked
 * provisional (voorlopig) and states the phase the round is in. Signed as the CLI signs it, and refused as
 * the CLI refuses it in production without a key.
 */
@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class ProcesVerbaalController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RECORD_SIGNER) private readonly signer: RecordSigner | null,
    @Inject(AUDIT_DOMAIN) private readonly domain: () => Promise<AuditDomain>,
    private readonly config: AppConfig,
  ) {}

  @Get(':roundId/proces-verbaal')
  @Allow(...PROCES_VERBAAL_ROLES)
  @ApiProduces('application/pdf', 'text/markdown')
  @ApiOperation({
    summary:
      'The official record (proces-verbaal) of the round, drawn up now from the event store alone, as `audit report` writes it: frame, decisions, history, turnout, result, recount, every seal the round holds at this moment and the commands that check them; PDF signed with the municipality\'s key (RECORD_SIGNING_P12, checked by `audit verify-pdf`) or Markdown, Dutch or English (`lang=en`). In production without a key: 503 PROCES_VERBAAL.SIGNING_KEY_MISSING',
  })
  @ApiOkResponse({
    description: 'The record as a file (`Content-Disposition: attachment`, named as `audit report` names it); `Content-Language` nl or en',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'text/markdown': { schema: { type: 'string' } } },
  })
  @ApiProblems({ 400: [], 404: ['ROUND.NOT_FOUND'], 503: ['PROCES_VERBAAL.SIGNING_KEY_MISSING'] })
  async record(@Param('roundId', StreamIdPipe) roundId: string, @Query() query: ProcesVerbaalQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    // Another municipality's round answers exactly like one that does not exist.
    const first = (await this.store.readStream(roundStream(roundId), { maxCount: 1 }))[0];
    if (!first || first.metadata.tenant !== principal.tenant) throw new NotFoundException({ code: 'ROUND.NOT_FOUND', message: `No round ${roundId}` });
    if (!this.signer && this.config.NODE_ENV === 'production') {
      throw new ServiceUnavailableException({ code: 'PROCES_VERBAAL.SIGNING_KEY_MISSING', message: 'No RECORD_SIGNING_P12 is configured: in production the proces-verbaal is only drawn up signed with the municipality\'s key' });
    }
    const lang = query.lang ?? 'nl';
    const format = query.format ?? (request.accepts(['application/pdf', 'text/markdown']) === 'text/markdown' ? 'markdown' : 'pdf');
    const now = this.clock.now();
    const record = await roundRecord(this.store, roundId, await this.domain(), { now, signedBy: this.signer?.certificate ?? null, drawnUpBy: 'api' });
    const name = `proces-verbaal-${roundId}${lang === 'nl' ? '' : `.${lang}`}`;
    response.setHeader('Content-Language', lang);
    response.setHeader('Cache-Control', 'no-store');
    if (format === 'markdown') {
      response.setHeader('Content-Type', 'text/markdown; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${name}.md"`);
      response.send(recordMarkdown(record, lang));
      return;
    }
    const unsigned = await recordPdf(record, lang);
    const pdf = this.signer ? await this.signer.sign(unsigned, { at: now, reason: lang === 'nl' ? `Proces-verbaal ronde ${roundId}` : `Official record, round ${roundId}`, location: record.tenant ?? undefined }) : unsigned;
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${name}.pdf"`);
    response.send(pdf);
  }
}
