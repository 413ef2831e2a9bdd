import { BadRequestException, Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../http/command-endpoint.js';
import { etagOf } from '../../http/revision.js';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '../../persistence/tokens.js';
import { EraseContactDetailsDto } from './erase-contact-details.dto.js';
import { EraseContactDetailsRequest } from './erase-contact-details.handler.js';

const SUBMITTER_REF = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('submitters')
export class EraseContactDetailsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post(':submitterRef/erasure')
  @HttpCode(200)
  @Allow('administrator')
  @ApiOperation({ summary: 'Erase a submitter\'s contact details (crypto-shredding): their key is destroyed, ContactDetailsErased is recorded; plans and audit trail stay intact' })
  @ApiOkResponse({
    description: 'The submitter\'s contact details are erased; `revision` is the submitter stream\'s revision (also the ETag)',
    schema: {
      type: 'object',
      properties: { submitterRef: { type: 'string' }, revision: { type: 'string', example: '2' }, events: { type: 'array', items: { type: 'string' }, example: ['ContactDetailsErased'] } },
      required: ['submitterRef', 'revision', 'events'],
    },
  })
  @ApiProblems({ 400: ['SUBMITTER.REASON_REQUIRED'], 404: ['SUBMITTER.NOT_FOUND'], 409: ['SUBMITTER.ALREADY_ERASED'], 503: ['ERASURE.UNAVAILABLE'] })
  async erase(
    @Param('submitterRef') submitterRef: string,
    @Body() body: EraseContactDetailsDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!SUBMITTER_REF.test(submitterRef)) throw new BadRequestException({ code: 'REQUEST.INVALID_ID', message: 'The id in the path is not a valid id' });
    const correlationId = correlation !== undefined && /^[A-Za-z0-9._:-]{1,100}$/.test(correlation) ? correlation : this.ids.newId();
    const context = { actor: principal.subject, role: 'administrator', tenant: principal.tenant, correlationId, now: this.clock.now() };
    const result = await this.commands.execute(new EraseContactDetailsRequest(submitterRef, body.reason, context));
    response.setHeader('ETag', etagOf(result.revision));
    return { submitterRef, revision: String(result.revision), events: result.events };
  }
}
