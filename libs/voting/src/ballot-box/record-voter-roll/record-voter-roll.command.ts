import { BallotBoxWrongPhaseError } from '../ballot-box.errors.js';
import type { VoterRollExtended } from '../ballot-box.events.js';
import type { BallotBoxState } from '../ballot-box.state.js';

/** Records, as counts only, that the voter roll grew (a municipality file, a print run of codes, an import). */
export class RecordVoterRollExtension {
  readonly type = 'RecordVoterRollExtension' as const;
  constructor(readonly data: VoterRollExtended['data']) {}
}

export function recordVoterRollExtension(command: RecordVoterRollExtension, state: BallotBoxState): VoterRollExtended[] {
  if (state.phase !== 'prepared' && state.phase !== 'open') {
    throw new BallotBoxWrongPhaseError(`The voter roll is fixed once voting closed (the box is ${state.phase})`, { phase: state.phase });
  }
  return [{ type: 'VoterRollExtended', data: command.data }];
}
