import type { BallotBoxPhase } from '../../ballot-box/ballot-box.state.js';
import type { Eligibility } from '../../voting-frame.js';
import { eligibilityOf } from '../eligibility.js';
import { ParticipantAlreadyRegisteredError, ParticipantInvalidAreaError, ParticipantRollClosedError } from '../participant.errors.js';
import type { ParticipantRegistered, RollSource } from '../participant.events.js';
import type { ParticipantState } from '../participant.state.js';

export interface RegisterParticipantData {
  roundId: string;
  participantRef: string;
  area: string;
  ageBand: string;
  /** A function such as `council-member`, only to apply the frame's excluded roles; it is not recorded. */
  role: string | null;
  source: RollSource;
  registeredAt: string;
  facts: { phase: BallotBoxPhase; eligibility: Eligibility };
}

/**
 * Puts one new voting code's pseudonym on the roll, with its area and age band, and decides eligibility
 * by the frame. The code is its own root; a re-issued code's successor is `RegisterSuccessor`'s.
 */
export class RegisterParticipant {
  readonly type = 'RegisterParticipant' as const;
  constructor(readonly data: RegisterParticipantData) {}
}

export function registerParticipant(command: RegisterParticipant, state: ParticipantState): ParticipantRegistered[] {
  const { roundId, participantRef, area, ageBand, role, source, registeredAt, facts } = command.data;
  if (facts.phase !== 'prepared' && facts.phase !== 'open') {
    throw new ParticipantRollClosedError(`Codes can be registered while the box is prepared or open; it is ${facts.phase}`, { phase: facts.phase });
  }
  if (state.registered) throw new ParticipantAlreadyRegisteredError('This voting code is already on the roll');
  if (!/^[A-Za-z0-9._-]{0,40}$/.test(area)) throw new ParticipantInvalidAreaError(`Area ${JSON.stringify(area)} is not an area code`, { area });
  const ineligibility = eligibilityOf(facts.eligibility, { area, ageBand, role });
  return [
    {
      type: 'ParticipantRegistered',
      data: { roundId, participantRef, rootRef: participantRef, area, ageBand, eligible: ineligibility === null, ineligibility, source, registeredAt },
    },
  ];
}
