import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CheckBallotBoxFollows, type CountedResult, CountRoundBallots } from '@lib/budgeting';
import type { EventStore } from '@lib/event-store';
import { CLOCK, type Clock, EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { countForRound } from '../../count/count-for-round.js';
import { ROUND_KEY_VAULT, type RoundKeyVault } from '../../round-key/round-key.vault.js';
import type { VotingDeps } from '../../voting.deps.js';
import { followRound } from './follow-round.js';

function depsOf(store: EventStore, vault: RoundKeyVault, clock: Clock, ids: IdGenerator): VotingDeps {
  return { store, vault, now: () => clock.now(), newId: () => ids.newId() };
}

/** A round's phase change or adoption asks, before it is written, whether its ballot box can follow (the port @lib/budgeting's round sends on the CommandBus). */
@CommandHandler(CheckBallotBoxFollows)
export class CheckBallotBoxFollowsHandler implements ICommandHandler<CheckBallotBoxFollows, void> {
  private readonly deps: VotingDeps;
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(ROUND_KEY_VAULT) vault: RoundKeyVault, @Inject(CLOCK) clock: Clock, @Inject(ID_GENERATOR) ids: IdGenerator) {
    this.deps = depsOf(store, vault, clock, ids);
  }

  async execute({ round, context }: CheckBallotBoxFollows): Promise<void> {
    await followRound(this.deps, round, context, 'check');
  }
}

/** The round publishing its result asks for the count of its ballots. */
@CommandHandler(CountRoundBallots)
export class CountRoundBallotsHandler implements ICommandHandler<CountRoundBallots, CountedResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ round, context }: CountRoundBallots): Promise<CountedResult> {
    return countForRound(this.store, round, context.tenant);
  }
}
