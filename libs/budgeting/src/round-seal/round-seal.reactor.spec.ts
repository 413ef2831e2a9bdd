import { describe, it, expect } from '@jest/globals';
import { recorded, ReactorSpecification } from '@lib/es/testing';
import { aRoundIn, ROUND_ID } from '../round/testing/round.given.js';
import { endOfCommand, isSealed, roundSealReactor, SealRound } from './round-seal.reactor.js';

const stream = `Round-${ROUND_ID}`;
const given = ReactorSpecification.for(roundSealReactor, stream);

describe('round-seal reactor', () => {
  it('a phase change is sealed, with the phase it moved to', () => {
    given(aRoundIn('support')).then([new SealRound({ roundId: ROUND_ID, phase: 'support', sealedAt: '2026-03-01T08:00:00.000Z', trigger: 'event-3' })]);
  });

  it('the adoption is sealed as the phase "adoption"', () => {
    const events = aRoundIn('implementation').slice(0, -1);
    given(events).then([new SealRound({ roundId: ROUND_ID, phase: 'adoption', sealedAt: '2026-05-15T08:00:00.000Z', trigger: `event-${events.length - 1}` })]);
  });

  it('other round events are not sealed', () => {
    given(aRoundIn('submission')).then([]);
  });

  it('the seal covers the events the change\'s command appended with it, not the next command\'s', () => {
    const events = recorded(stream, aRoundIn('voting'));
    // event-5 RoundPhaseAdvanced to voting and event-6 RoundRulesFrozen are one append; a later command follows.
    const later = recorded(stream, [...aRoundIn('voting'), { type: 'FundsCommitted', data: {} }]).at(-1)!;
    later.metadata = { ...later.metadata, $correlationId: 'correlation-2' };
    for (const event of events) event.metadata = { ...event.metadata, $causationId: 'correlation-1' };
    expect(endOfCommand([...events, later], 'event-5')?.id).toBe('event-6');
    expect(endOfCommand(events, 'event-1')?.id).toBe('event-2');
    expect(endOfCommand(events, 'event-3')?.id).toBe('event-3');
  });

  describe('isSealed', () => {
    const seal = { type: 'RoundSealed', data: { roundId: ROUND_ID, digest: 'd', upTo: '1/1', streams: 1, events: 1, sealedAt: '2026-03-01T08:00:00.000Z' } };
    const change = (to: string) => ({ type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from: 'planned', to, reason: 'r', decision: null, at: '2026-03-01T08:00:00.000Z' } });
    const planned = aRoundIn('planned');

    it('a seal caused by the change seals it, wherever it stands', () => {
      const events = recorded(stream, [...planned, change('submission'), change('support'), seal, seal]);
      events[3]!.metadata.$causationId = 'event-1';
      events[4]!.metadata.$causationId = 'event-2';
      expect([isSealed(events, 'event-1'), isSealed(events, 'event-2')]).toEqual([true, true]);
    });

    it('a seal caused by another change does not', () => {
      const events = recorded(stream, [...planned, change('submission'), change('support'), seal]);
      events[3]!.metadata.$causationId = 'event-1';
      expect([isSealed(events, 'event-1'), isSealed(events, 'event-2')]).toEqual([true, false]);
    });

    it('a seal recorded in the request (caused by no event) seals the change it follows, not a later one', () => {
      const events = recorded(stream, [...planned, change('submission'), seal, change('support')]);
      events[2]!.metadata.$causationId = 'request-correlation';
      expect([isSealed(events, 'event-1'), isSealed(events, 'event-3')]).toEqual([true, false]);
    });
  });
});
