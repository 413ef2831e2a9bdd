import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, Reactors } from '@lib/platform';
import { paperCountReaction } from './paper-count.reactor.js';

/** Registers the paper count's reactor in the process: a confirmed batch's ballots count. */
@Injectable()
export class PaperBatchReactions implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reactors: Reactors,
  ) {}

  onModuleInit(): void {
    this.reactors.register(paperCountReaction(this.store));
  }
}
