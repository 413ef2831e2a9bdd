import type { RecordedEvent } from '@lib/event-store';
import type { RoundEvent } from './round.events.js';
import { evolveRound, type ExistingRound, initialRoundState, type RoundState } from './round.state.js';

/** The round as its stream stood after these events (a reactor's history); null before it was planned. */
export function roundAsOf(history: readonly RecordedEvent[]): ExistingRound | null {
  let state: RoundState = initialRoundState();
  for (const event of history) state = evolveRound(state, { type: event.type, data: event.data } as RoundEvent);
  return state.exists ? state : null;
}
