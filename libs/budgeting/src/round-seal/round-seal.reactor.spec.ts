import { describe, it, expect } from '@jest/globals';
import { recorded, ReactorSpecification } from '@lib/es/testing';
import { aRoundIn, ROUND_ID } from '../round/testing/round.given.js';
import { isSealed, roundSealReactor, SealRound } from './round-seal.reactor.js';

const stream = `Round-${ROUND_ID}`;
const given = ReactorSpecification.for(roundSealReactor, stream);

describe('round-seal reactor', () => {
  it('a phase change is sealed up to its own position, with the phase it moved to', () => {
    const events = aRoundIn('support');
    given(events).then([new SealRound({ roundId: ROUND_ID, phase: 'support', sealedAt: '2026-03-01T08:00:00.000Z', upTo: '4/4', trigger: 'event-3' })]);
  });

  it('the adoption is sealed as the phase "adoption"', () => {
    const events = aRoundIn('implementation').slice(0, -1);
    const trigger = events.length - 1;
    given(events).then([new SealRound({ roundId: ROUND_ID, phase: 'adoption', sealedAt: '2026-05-15T08:00:00.000Z', upTo: `${trigger + 1}/${trigger + 1}`, trigger: `event-${trigger}` })]);
  });

  it('other round events are not sealed', () => {
    given(aRoundIn('submission')).then([]);
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
