import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, Reactors } from '@lib/platform';
import { adoptionSelectionReaction } from '../adoption-selection/adoption-selection.reactor.js';
import { budgetFreezeReaction } from '../budget-freeze/budget-freeze.reactor.js';
import { roundSealReaction } from '../round-seal/round-seal.reactor.js';

/** Registers the round's reactors in the process: the budget's freeze and release, the seals, and the plans' selection on adoption. */
@Injectable()
export class RoundReactions implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reactors: Reactors,
  ) {}

  onModuleInit(): void {
    this.reactors.register(budgetFreezeReaction(this.store));
    this.reactors.register(roundSealReaction(this.store));
    this.reactors.register(adoptionSelectionReaction(this.store));
  }
}
