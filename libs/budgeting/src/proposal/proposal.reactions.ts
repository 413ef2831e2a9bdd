import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, Reactors } from '@lib/platform';
import { grantRecorderReaction } from '../grant-recorder/grant-recorder.reactor.js';
import { planFundsReaction } from '../plan-funds/plan-funds.reactor.js';
import { planMergeReaction } from '../plan-merge/plan-merge.reactor.js';

/** Registers the plans' reactors in the process: releases to the round, grants recorded on the plan, merges on the continuing plan. */
@Injectable()
export class PlanReactions implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reactors: Reactors,
  ) {}

  onModuleInit(): void {
    this.reactors.register(planFundsReaction(this.store));
    this.reactors.register(grantRecorderReaction(this.store));
    this.reactors.register(planMergeReaction(this.store));
  }
}
