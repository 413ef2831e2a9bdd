import { scanAll } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { type ParticipantRegistered, participantStreamPrefix } from './participant.events.js';

/** The size of a round's roll: codes registered, and how many of them give a vote. */
export interface VoterRollCounts {
  registered: number;
  eligible: number;
}

/** Whether a registration adds a participant: a re-issued code's successor stands for one already on the roll. */
export function countsOnRoll(registration: ParticipantRegistered['data']): boolean {
  return registration.source !== 'reissue';
}

/**
 * Counts the round's roll from its `ParticipantRegistered` events (one per Participant stream), in the
 * caller's municipality. A scan of `$all` filtered on the round's Participant streams: exact as the
 * store holds them, and a pass over the store each time; dashboards read the `ballot_box` read model.
 */
export async function voterRollOf(store: EventStore, roundId: string, tenant: string): Promise<VoterRollCounts> {
  const counts: VoterRollCounts = { registered: 0, eligible: 0 };
  const filter = { streamPrefixes: [participantStreamPrefix(roundId)], eventTypes: ['ParticipantRegistered'] };
  for await (const event of scanAll(store, { filter })) {
    const data = event.data as ParticipantRegistered['data'];
    if (event.metadata.tenant !== tenant || data.roundId !== roundId || !countsOnRoll(data)) continue;
    counts.registered += 1;
    if (data.eligible) counts.eligible += 1;
  }
  return counts;
}
