import { describe, expect, it } from '@jest/globals';
import { fold } from '@lib/es';
import { roundDecider } from './round.decider.js';
import { dueTransition, startOfAmsterdamDay } from './round.schedule.js';
import type { ExistingRound } from './round.state.js';
import { A_SCHEDULE, aScheduledRoundIn } from './testing/scheduled-round.given.js';

const round = (phase: Parameters<typeof aScheduledRoundIn>[0]) => fold(roundDecider, aScheduledRoundIn(phase)) as ExistingRound;
const at = (iso: string) => new Date(iso);

describe('the round clock: which transition the schedule makes due', () => {
  it('knows the first instant of a day in Amsterdam, in winter and in summer time', () => {
    expect(startOfAmsterdamDay('2026-02-01')).toBe('2026-01-31T23:00:00.000Z');
    expect(startOfAmsterdamDay('2026-06-01')).toBe('2026-05-31T22:00:00.000Z');
    expect(startOfAmsterdamDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
  });

  it('opens a scheduled phase from the first moment of its day, not before', () => {
    expect(dueTransition(round('planned'), at('2026-01-31T22:59:59.999Z'))).toBeNull();
    expect(dueTransition(round('planned'), at('2026-01-31T23:00:00.000Z'))).toEqual({ from: 'planned', to: 'submission', reason: 'Volgens de planning: submission opent op 2026-02-01' });
  });

  it('closes a scheduled phase once its closing day has ended, into the next phase when that is not scheduled', () => {
    expect(dueTransition(round('submission'), at('2026-03-31T21:59:59.999Z'))).toBeNull();
    expect(dueTransition(round('submission'), at('2026-03-31T22:00:00.000Z'))).toEqual({ from: 'submission', to: 'support', reason: 'Volgens de planning: submission sloot op 2026-03-31' });
  });

  it('waits for staff where neither the phase nor the next one is scheduled', () => {
    expect(dueTransition(round('support'), at('2026-05-01T08:00:00.000Z'))).toBeNull();
  });

  it('waits for the next phase\'s opening day even when the current one has closed', () => {
    const gap = fold(roundDecider, aScheduledRoundIn('feasibility', [{ phase: 'feasibility', opensOn: '2026-04-01', closesOn: '2026-04-30' }, A_SCHEDULE[1]!])) as ExistingRound;
    expect(dueTransition(gap, at('2026-05-15T08:00:00.000Z'))).toBeNull();
    expect(dueTransition(gap, at('2026-06-01T08:00:00.000Z'))).toMatchObject({ from: 'feasibility', to: 'voting' });
  });

  it('does nothing for a closed round', () => {
    expect(dueTransition(round('closed'), at('2027-01-01T00:00:00.000Z'))).toBeNull();
  });
});
