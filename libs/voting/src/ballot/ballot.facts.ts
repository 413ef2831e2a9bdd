import type { BallotBoxPhase } from '../ballot-box/ballot-box.state.js';
import type { VotingFrame } from '../voting-frame.js';

/** What a ballot decision needs from the other streams: the box's phase and rules, and the participant's standing. */
export interface BallotFacts {
  phase: BallotBoxPhase;
  frame: Pick<VotingFrame, 'ballot' | 'plans' | 'paperPrecedence'>;
  participant: { eligible: boolean; blocked: boolean };
}
