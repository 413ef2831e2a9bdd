import type { Decider } from '@lib/es';
import type { BallotEvent } from './ballot.events.js';
import { evolveBallot, initialBallotState, type BallotState } from './ballot.state.js';
import { castBallot, type CastBallot } from './cast-ballot/cast-ballot.command.js';
import { countPaperBallot, type CountPaperBallot } from './count-paper-ballot/count-paper-ballot.command.js';
import { replaceBallot, type ReplaceBallot } from './replace-ballot/replace-ballot.command.js';

export type BallotCommand = CastBallot | ReplaceBallot | CountPaperBallot;

export const ballotDecider: Decider<BallotCommand, BallotState, BallotEvent> = {
  decide(command, state) {
    switch (command.type) {
      case 'CastBallot':
        return castBallot(command, state);
      case 'ReplaceBallot':
        return replaceBallot(command, state);
      case 'CountPaperBallot':
        return countPaperBallot(command, state);
    }
  },
  evolve: evolveBallot,
  initialState: initialBallotState,
};
