import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, Reactors } from '@lib/platform';
import { codeSuccessorReaction } from './code-successor.reactor.js';

/** Registers the code-successor reactor in the process: a re-issued code's successor joins the roll. */
@Injectable()
export class ParticipantReactions implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reactors: Reactors,
  ) {}

  onModuleInit(): void {
    this.reactors.register(codeSuccessorReaction(this.store));
  }
}
