import type { Ineligibility, ParticipantRegistered } from '../participant.events.js';
import type { ParticipantState } from '../participant.state.js';

/**
 * Puts a re-issued code's successor on the roll: the old code's root, area, age band and eligibility,
 * as its stream recorded them when it was re-issued.
 */
export class RegisterSuccessor {
  readonly type = 'RegisterSuccessor' as const;
  constructor(
    readonly data: {
      roundId: string;
      participantRef: string;
      rootRef: string;
      area: string;
      ageBand: string;
      eligible: boolean;
      ineligibility: Ineligibility | null;
      registeredAt: string;
    },
  ) {}
}

/** The re-issue decided it: a successor already on the roll is not registered again (a replay decides nothing). */
export function registerSuccessor(command: RegisterSuccessor, state: ParticipantState): ParticipantRegistered[] {
  if (state.registered) return [];
  const { roundId, participantRef, rootRef, area, ageBand, eligible, ineligibility, registeredAt } = command.data;
  return [{ type: 'ParticipantRegistered', data: { roundId, participantRef, rootRef, area, ageBand, eligible, ineligibility, source: 'reissue', registeredAt } }];
}
