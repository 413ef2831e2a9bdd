import type { Decider } from '@lib/es';
import type { BallotBoxEvent } from './ballot-box.events.js';
import { evolveBallotBox, initialBallotBoxState, type BallotBoxState } from './ballot-box.state.js';
import { changeBallotBoxPhase, type ChangeBallotBoxPhase } from './change-phase/change-phase.command.js';
import { destroyRoundKey, type DestroyRoundKey } from './destroy-round-key/destroy-round-key.command.js';
import { prepareBallotBox, type PrepareBallotBox } from './prepare-ballot-box/prepare-ballot-box.command.js';

export type BallotBoxCommand = PrepareBallotBox | ChangeBallotBoxPhase | DestroyRoundKey;

export const ballotBoxDecider: Decider<BallotBoxCommand, BallotBoxState, BallotBoxEvent> = {
  decide(command, state) {
    switch (command.type) {
      case 'PrepareBallotBox':
        return prepareBallotBox(command, state);
      case 'ChangeBallotBoxPhase':
        return changeBallotBoxPhase(command, state);
      case 'DestroyRoundKey':
        return destroyRoundKey(command, state);
    }
  },
  evolve: evolveBallotBox,
  initialState: initialBallotBoxState,
};
