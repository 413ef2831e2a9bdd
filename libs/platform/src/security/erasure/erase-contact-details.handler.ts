import { Inject, ServiceUnavailableException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, handleCommand } from '@lib/es';
import type { EventStore, Position } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '../../persistence/tokens.js';
import { submitterErasureDecider } from './erase-contact-details.command.js';
import { PERSONAL_DATA_KEYS, type PersonalDataKeys } from './personal-data-keys.js';
import { ErasureReasonRequiredError, SubmitterNotFoundError } from './submitter-erasure.errors.js';
import { PROPOSAL_SUBMITTED, submitterErasureStream } from './submitter-erasure.events.js';

export class EraseContactDetailsRequest {
  constructor(
    readonly submitterRef: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

/**
 * Crypto-shredding: destroys the submitter's key, then records that it happened. The key goes
 * first, so a crash in between leaves the details erased and a retry records the fact.
 */
@CommandHandler(EraseContactDetailsRequest)
export class EraseContactDetailsHandler implements ICommandHandler<EraseContactDetailsRequest, { revision: bigint; events: string[] }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly modules: ModuleRef,
  ) {}

  async execute({ submitterRef, reason, context }: EraseContactDetailsRequest) {
    // 1. The reason is checked before anything is destroyed.
    if (reason.trim() === '') throw new ErasureReasonRequiredError('Erasure needs a reason (the request or the legal ground)');
    // 2. The submitter must be one of this municipality's (another's answers as unknown).
    if (!(await this.submittedIn(submitterRef, context.tenant))) throw new SubmitterNotFoundError(`Submitter ${submitterRef} does not exist`);
    // 3. Destroy the key.
    await this.keys().eraseKey(submitterRef);
    // 4. Record the erasure, chained like every other stream.
    const result = await handleCommand(
      this.store,
      submitterErasureStream(submitterRef),
      submitterErasureDecider,
      { type: 'EraseContactDetails', data: { submitterRef, reason, at: context.now.toISOString() } },
      { ...context, reason },
      { newId: () => this.ids.newId() },
    );
    return { revision: result.nextRevision, events: result.events.map((e) => e.type) };
  }

  private keys(): PersonalDataKeys {
    try {
      return this.modules.get<PersonalDataKeys>(PERSONAL_DATA_KEYS, { strict: false });
    } catch (_error) {
      throw new ServiceUnavailableException({ code: 'ERASURE.UNAVAILABLE', message: 'No personal-data vault is registered; nothing was erased' });
    }
  }

  /** Scans the plans submitted (erasures are rare; a read model can replace this scan). */
  private async submittedIn(submitterRef: string, tenant: string): Promise<boolean> {
    let after: Position | 'start' = 'start';
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: 1000, filter: { eventTypes: [PROPOSAL_SUBMITTED] } });
      if (page.some((e) => e.metadata.tenant === tenant && (e.data as { submitterRef?: unknown }).submitterRef === submitterRef)) return true;
      if (page.length < 1000) return false;
      after = page[page.length - 1]!.position;
    }
  }
}
