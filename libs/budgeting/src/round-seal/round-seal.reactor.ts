import { type Decider, extendStoreChain, handleCommand, ROUND_SEALED, type Reaction, type Reactor, computeRoundSeal } from '@lib/es';
import { type EventStore, type Position, type RecordedEvent, WrongExpectedVersionError } from '@lib/event-store';
import { roundStream, type ResultAdopted, type RoundPhaseAdvanced, type RoundSealed } from '../round/round.events.js';

/** Seal the round as it stood after the command that recorded one phase change or adoption (the trigger). */
export class SealRound {
  readonly type = 'SealRound' as const;
  constructor(readonly data: { roundId: string; phase: string; sealedAt: string; trigger: string }) {}
}

/** Round events that a seal must follow: the phase changes and the adoption. */
export const SEALED_CHANGES: readonly string[] = ['RoundPhaseAdvanced', 'ResultAdopted'];

/**
 * Every phase change and the adoption are sealed exactly once: a digest over every event of the
 * round up to the command that recorded the change (`SubmissionOpened` and `RoundRulesFrozen`
 * included), appended to the round's stream, which the council can publish.
 */
export const roundSealReactor: Reactor<SealRound> = {
  name: 'round-seal',
  canHandle: SEALED_CHANGES,
  handle(event) {
    const data = event.data as RoundPhaseAdvanced['data'] | ResultAdopted['data'];
    const phase = event.type === 'ResultAdopted' ? 'adoption' : (data as RoundPhaseAdvanced['data']).to;
    return [new SealRound({ roundId: data.roundId, phase, sealedAt: data.at, trigger: event.id })];
  },
};

/**
 * Whether the change `trigger` already has its seal: one caused by it, or (seals recorded in the
 * request before reactors took this over) a seal with no trigger in the stream that follows it
 * before the next change.
 */
export function isSealed(events: readonly RecordedEvent[], trigger: string): boolean {
  const ids = new Set(events.map((e) => e.id));
  const at = events.findIndex((e) => e.id === trigger);
  if (events.some((e) => e.type === ROUND_SEALED && e.metadata.$causationId === trigger)) return true;
  for (let i = at + 1; at >= 0 && i < events.length; i++) {
    const event = events[i]!;
    if (event.type === ROUND_SEALED && !ids.has(String(event.metadata.$causationId))) return true;
    if (SEALED_CHANGES.includes(event.type)) return false;
  }
  return false;
}

/**
 * The last event the trigger's command appended: the events of one append follow the trigger and
 * share its metadata (correlation, causation, time). The seal covers up to it.
 */
export function endOfCommand(events: readonly RecordedEvent[], trigger: string): RecordedEvent | undefined {
  const at = events.findIndex((e) => e.id === trigger);
  if (at < 0) return undefined;
  const first = events[at]!.metadata;
  let end = at;
  for (let i = at + 1; i < events.length; i++) {
    const { type, metadata } = events[i]!;
    if (type === ROUND_SEALED || SEALED_CHANGES.includes(type)) break;
    if (metadata.$correlationId !== first.$correlationId || metadata.$causationId !== first.$causationId || metadata.at !== first.at) break;
    end = i;
  }
  return events[end];
}

/**
 * Waits until `$all` reads the event (an append made just now, in this process, may not be readable
 * there yet). It reads `$all` from the stream's event before it (`after`), not from the start, so the
 * wait costs what the store took in since then.
 */
async function visibleInAll(store: EventStore, event: RecordedEvent, after: Position | 'start'): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    let from = after;
    for (;;) {
      const page = await store.readAll({ after: from, maxCount: 1000, filter: { streamPrefixes: [event.streamName], eventTypes: [event.type] } });
      if (page.some((e) => e.id === event.id)) return;
      if (page.length < 1000) break;
      from = page[page.length - 1]!.position;
    }
    if (attempt >= 200) throw new Error(`${event.type} ${event.id} of ${event.streamName} is not readable in $all`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The position of the stream's event before `event` (in the stream as read), or the start. */
function before(events: readonly RecordedEvent[], event: RecordedEvent): Position | 'start' {
  const at = events.findIndex((e) => e.id === event.id);
  return at > 0 ? events[at - 1]!.position : 'start';
}

/** Records the seal it is given: the digest was computed from the store, not from the round's state. */
const recordSeal: Decider<RoundSealed, null, RoundSealed> = { initialState: () => null, evolve: () => null, decide: (seal) => [seal] };

/** The reactor with its command: compute the digest up to the trigger and append it, unless the trigger is sealed already. */
export function roundSealReaction(store: EventStore): Reaction<SealRound> {
  return {
    reactor: roundSealReactor,
    async execute(command, { context, newId }) {
      const { roundId, phase, sealedAt, trigger } = command.data;
      const stream = roundStream(roundId);
      for (let attempt = 0; ; attempt++) {
        // 1. The round's stream now: its last revision is the expected one for the seal.
        const events = await store.readStream(stream);
        const end = endOfCommand(events, trigger);
        if (!end || isSealed(events, trigger)) return;
        // 2. The digest of the round as it stood after the change's command, whenever it is computed, once
        //    `$all` shows that command (then everything before it is committed, and the digest is final).
        await visibleInAll(store, end, before(events, end));
        const seal = await computeRoundSeal(store, roundId, { upTo: end.position });
        // 3. The store-wide chain up to the same command, so the seal also fixes everything else the store held then.
        const head = await extendStoreChain(store, { now: context.now, correlationId: context.correlationId, upTo: end.position, newId });
        const event: RoundSealed = { type: 'RoundSealed', data: { roundId, ...seal, sealedAt, phase, ...(head ? { storeChain: head } : {}) } };
        try {
          await handleCommand(store, stream, recordSeal, event, context, { newId, expectedRevision: events[events.length - 1]!.revision });
          return;
        } catch (error) {
          // 4. Someone appended in between: look again.
          if (error instanceof WrongExpectedVersionError && attempt < 5) continue;
          throw error;
        }
      }
    },
  };
}
