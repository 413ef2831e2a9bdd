import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { CLOCK, type Clock, EVENT_STORE, ID_GENERATOR, type IdGenerator, Reactors } from '@lib/platform';
import { ROUND_KEY_VAULT, type RoundKeyVault } from '../../round-key/round-key.vault.js';
import { followRoundReaction } from './follow-round.reactor.js';

/** Registers the ballot box's reactor in the process: the box follows its round. */
@Injectable()
export class BallotBoxReactions implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ROUND_KEY_VAULT) private readonly vault: RoundKeyVault,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly reactors: Reactors,
  ) {}

  onModuleInit(): void {
    this.reactors.register(followRoundReaction({ store: this.store, vault: this.vault, now: () => this.clock.now(), newId: () => this.ids.newId() }));
  }
}
