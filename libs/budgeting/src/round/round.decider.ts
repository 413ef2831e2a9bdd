import type { Decider } from '@lib/es';
import type { RoundEvent } from './round.events.js';
import { evolveRound, initialRoundState, type RoundState } from './round.state.js';
import { adoptResult, type AdoptResult } from './adopt-result/adopt-result.command.js';
import { advancePhase, type AdvancePhase } from './advance-phase/advance-phase.command.js';
import { cancelRound, type CancelRound } from './cancel-round/cancel-round.command.js';
import { commitFunds, type CommitFunds } from './commit-funds/commit-funds.command.js';
import { correctResult, type CorrectResult } from './correct-result/correct-result.command.js';
import { planRound, type PlanRound } from './plan-round/plan-round.command.js';
import { publishResult, type PublishResult } from './publish-result/publish-result.command.js';
import { releaseFunds, type ReleaseFunds } from './release-funds/release-funds.command.js';

export type RoundCommand = PlanRound | AdvancePhase | CommitFunds | ReleaseFunds | PublishResult | AdoptResult | CorrectResult | CancelRound;

export const roundDecider: Decider<RoundCommand, RoundState, RoundEvent> = {
  decide(command, state) {
    switch (command.type) {
      case 'PlanRound':
        return planRound(command, state);
      case 'AdvancePhase':
        return advancePhase(command, state);
      case 'CommitFunds':
        return commitFunds(command, state);
      case 'ReleaseFunds':
        return releaseFunds(command, state);
      case 'PublishResult':
        return publishResult(command, state);
      case 'AdoptResult':
        return adoptResult(command, state);
      case 'CorrectResult':
        return correctResult(command, state);
      case 'CancelRound':
        return cancelRound(command, state);
    }
  },
  evolve: evolveRound,
  initialState: initialRoundState,
};
