import { expect } from '@jest/globals';
import type { RecordedEvent } from '@lib/event-store';
import type { DomainEvent } from '../decider.js';
import type { Reactor } from '../reactor.js';

/** Fixed metadata of the recorded givens: who appended them and when. */
export const GIVEN_METADATA = { actor: 'staff-1', role: 'administrator', tenant: 'GM0363', $correlationId: 'correlation-1', at: '2026-02-01T08:00:00.000Z' };

/** The givens as one stream holds them: ids `event-<revision>`, positions in order. */
export function recorded(stream: string, events: readonly DomainEvent[]): RecordedEvent[] {
  return events.map((event, i) => ({
    id: `event-${i}`,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { ...GIVEN_METADATA, $causationId: i === 0 ? 'correlation-1' : `event-${i - 1}` },
    streamName: stream,
    revision: BigInt(i),
    position: { commit: BigInt(i + 1), prepare: BigInt(i + 1) },
    created: new Date(GIVEN_METADATA.at),
  }));
}

/**
 * Given events (one stream; the last is the one reacted to) / Then exactly these commands.
 * `ReactorSpecification.for(reactor, 'Round-r1')(given).then(commands)`.
 */
export const ReactorSpecification = {
  for<Command>(reactor: Reactor<Command>, stream: string) {
    return (given: DomainEvent[]) => ({
      then: (expected: Command[]) => {
        const history = recorded(stream, given);
        const trigger = history[history.length - 1]!;
        const commands = reactor.canHandle.includes(trigger.type) ? reactor.handle(trigger, history) : [];
        expect(commands).toEqual(expected);
      },
    });
  },
};
