import { CommandStreamMissing, fold, toDomainEvent } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { RoundKeyDestroyedError, type RoundKeyVault } from '../round-key/round-key.vault.js';
import { participantRefOf } from '../round-key/pseudonym.js';
import { participantDecider } from './participant.decider.js';
import { type ParticipantEvent, participantStream } from './participant.events.js';
import type { RegisteredParticipant } from './participant.state.js';

/** A participant folded from its stream, with the stream's revision. */
export interface LoadedParticipant {
  state: RegisteredParticipant;
  revision: bigint;
}

/** Reads a participant by pseudonym; null when there is none in this municipality. */
export async function participantByRef(store: EventStore, roundId: string, participantRef: string, tenant: string): Promise<LoadedParticipant | null> {
  const events = await store.readStream(participantStream(roundId, participantRef));
  if (events.length === 0 || events[0]!.metadata.tenant !== tenant) return null;
  const state = fold(participantDecider, events.map((e) => toDomainEvent(e) as ParticipantEvent));
  return state.registered ? { state, revision: events[events.length - 1]!.revision } : null;
}

/**
 * Finds a code's participant: HMAC under the round key, then a lookup by that pseudonym. The
 * comparison is of keyed hashes, so its timing says nothing about the code itself.
 */
export async function participantByCode(store: EventStore, vault: RoundKeyVault, roundId: string, code: string, tenant: string): Promise<LoadedParticipant | null> {
  const key = await vault.existingKey(roundId);
  if (!key) {
    if ((await vault.status(roundId)) === 'destroyed') throw new RoundKeyDestroyedError('The round is sealed: codes no longer lead to anyone');
    return null;
  }
  return participantByRef(store, roundId, participantRefOf(key, code), tenant);
}

/** The participant a command addresses, or 404 PARTICIPANT.NOT_FOUND. */
export function requireParticipant(found: LoadedParticipant | null, roundId: string): LoadedParticipant {
  if (!found) throw new CommandStreamMissing(participantStream(roundId, 'unknown'));
  return found;
}
