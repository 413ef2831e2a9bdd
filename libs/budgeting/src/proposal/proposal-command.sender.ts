import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es';
import { CLOCK, type Clock, etagOf, expectedRevisionFrom, ID_GENERATOR, type IdGenerator, type Principal, type Role } from '@lib/platform';
import type { Response } from 'express';
import { acceptedBody, planContext, type ProposalCommandAcceptedDto, type ProposalCommandResult } from './proposal-http.js';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The shared shell of the plan controllers: context from the principal, time from the clock, If-Match in, ETag out. */
@Injectable()
export class ProposalCommandSender {
  constructor(
    private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  context(principal: Principal, allowed: readonly Role[], correlationHeader: string | undefined, reason?: string): CommandContext {
    const correlationId = correlationHeader !== undefined && CORRELATION_ID.test(correlationHeader) ? correlationHeader : this.ids.newId();
    return planContext(principal, allowed, this.clock.now(), correlationId, reason);
  }

  async send(message: object, response: Response): Promise<ProposalCommandAcceptedDto> {
    const result = await this.bus.execute<object, ProposalCommandResult>(message);
    response.setHeader('ETag', etagOf(result.revision));
    return acceptedBody(result);
  }

  expectedRevision(ifMatch: string | undefined): bigint | undefined {
    return expectedRevisionFrom(ifMatch);
  }
}
