import { BallotBoxCorrectionWindowOpenError, BallotBoxWrongPhaseError } from '../ballot-box.errors.js';
import type { RoundKeyDestroyed } from '../ballot-box.events.js';
import { type BallotBoxState, keyDestructionDue } from '../ballot-box.state.js';

/** Destroy the round key at the end of the correction window the frame declares (the key clock's step). */
export class DestroyRoundKey {
  readonly type = 'DestroyRoundKey' as const;
  constructor(readonly data: { roundId: string; at: string }) {}
}

/** Due once voting closed and the window ended; a key already destroyed is not destroyed again. */
export function destroyRoundKey(command: DestroyRoundKey, state: BallotBoxState): RoundKeyDestroyed[] {
  const { roundId, at } = command.data;
  if (state.phase !== 'closed' && state.phase !== 'sealed') {
    throw new BallotBoxWrongPhaseError(`The ballot box is ${state.phase}; the round key goes after voting closed`, { phase: state.phase, change: 'destroy-key' });
  }
  if (state.keyDestroyedAt) return [];
  const due = keyDestructionDue(state)!;
  if (Date.parse(at) < due.getTime()) {
    throw new BallotBoxCorrectionWindowOpenError(`The correction window is open until ${due.toISOString()}`, { until: due.toISOString() });
  }
  return [{ type: 'RoundKeyDestroyed', data: { roundId, reason: 'correction-window-ended', destroyedAt: at } }];
}
