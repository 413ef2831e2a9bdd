import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { CLOCK, type Clock, EVENT_STORE, ID_GENERATOR, type IdGenerator, Reactors } from '@lib/platform';
import { ROUND_KEY_VAULT, type RoundKeyVault } from '../../round-key/round-key.vault.js';
import { RoundKeyClock } from '../destroy-round-key/round-key.timer.js';
import { followRoundReaction } from './follow-round.reactor.js';

/** Registers the ballot box's reactor in the process (the box follows its round), and the key clock that ends correction windows (at the round clock's pace; 0: not in this process). */
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
    const intervalMs = this.reactors.config.ROUND_CLOCK_TICK_MS;
    if (intervalMs === 0) return;
    const log = new Logger('RoundKeyClock');
    const clock = new RoundKeyClock({ store: this.store, vault: this.vault, newId: () => this.ids.newId() }, { info: (m, d) => log.log(m, d), error: (m, d) => log.warn(m, d) });
    this.reactors.registerTimer(clock, intervalMs);
  }
}
