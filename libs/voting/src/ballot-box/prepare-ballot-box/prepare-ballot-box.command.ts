import type { VotingFrame } from '../../voting-frame.js';
import { BallotBoxAlreadyPreparedError, BallotBoxInvalidPlanError, BallotBoxNoPlansError } from '../ballot-box.errors.js';
import type { BallotBoxPrepared } from '../ballot-box.events.js';
import type { BallotBoxState } from '../ballot-box.state.js';

export interface PrepareBallotBoxData {
  roundId: string;
  frame: VotingFrame;
  preparedAt: string;
}

/** Sets up a round's ballot box with the frame version it votes under and the plans admitted to the ballot. */
export class PrepareBallotBox {
  readonly type = 'PrepareBallotBox' as const;
  constructor(readonly data: PrepareBallotBoxData) {}
}

const isCents = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

export function prepareBallotBox(command: PrepareBallotBox, state: BallotBoxState): BallotBoxPrepared[] {
  const { roundId, frame, preparedAt } = command.data;
  if (state.phase !== 'none') throw new BallotBoxAlreadyPreparedError(`The ballot box of round ${roundId} is already prepared`, { roundId });
  if (frame.plans.length === 0) throw new BallotBoxNoPlansError('A ballot needs at least one admitted plan');
  const ids = new Set<string>();
  for (const plan of frame.plans) {
    if (typeof plan.planId !== 'string' || plan.planId === '' || ids.has(plan.planId)) {
      throw new BallotBoxInvalidPlanError(`Plan id ${JSON.stringify(plan.planId)} is empty or appears twice`, { planId: plan.planId });
    }
    ids.add(plan.planId);
    if (!isCents(plan.costCents)) throw new BallotBoxInvalidPlanError(`Plan ${plan.planId} needs a cost of whole cents above 0`, { planId: plan.planId });
  }
  if (!isCents(frame.budgetCents) || !isCents(frame.countingUnitCents)) throw new BallotBoxInvalidPlanError('The budget and counting unit are whole cents above 0');
  return [{ type: 'BallotBoxPrepared', data: { roundId, frame, preparedAt } }];
}
