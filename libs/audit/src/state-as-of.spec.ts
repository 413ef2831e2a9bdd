import { describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import type { StreamFold } from './audit-domain.js';
import { AsOfError, parseAsOf, stateAsOf } from './state-as-of.js';

/** The spec's own fold of a ballot box: the app wires in the real deciders (its CLI specs fold real streams). */
const PHASES: Record<string, string> = { BallotBoxPrepared: 'prepared', BallotBoxOpened: 'open', BallotBoxClosed: 'closed' };
const ballotBoxPhases: StreamFold<{ phase: string; roundId?: string }> = {
  initialState: () => ({ phase: 'none' }),
  evolve: (state, event) => ({ phase: PHASES[event.type] ?? state.phase, roundId: (event.data as { roundId: string }).roundId }),
};
const domain = { folds: { BallotBox: ballotBoxPhases } };

const at = (iso: string) => ({ tenant: 'GM0363', actor: 'staff-1', role: 'administrator', at: iso });

async function givenABallotBox() {
  const store = new InMemoryEventStore();
  const frame = { budgetId: 'b1', frameVersion: 1, plans: [] };
  await store.append('BallotBox-r1', [{ id: '30000000-0000-4000-8000-000000000001', type: 'BallotBoxPrepared', data: { roundId: 'r1', frame, preparedAt: '2026-05-01T08:00:00.000Z' }, metadata: at('2026-05-01T08:00:00.000Z') }]);
  const opened = await store.append('BallotBox-r1', [{ id: '30000000-0000-4000-8000-000000000002', type: 'BallotBoxOpened', data: { roundId: 'r1', reason: 'schedule', openedAt: '2026-05-02T08:00:00.000Z' }, metadata: { ...at('2026-05-02T08:00:00.000Z'), reason: 'schedule' } }]);
  await store.append('BallotBox-r1', [{ id: '30000000-0000-4000-8000-000000000003', type: 'BallotBoxClosed', data: { roundId: 'r1', reason: 'schedule', closedAt: '2026-05-09T08:00:00.000Z' }, metadata: at('2026-05-09T08:00:00.000Z') }]);
  await store.append('Note-x', [{ id: '30000000-0000-4000-8000-000000000004', type: 'NoteTaken', data: {}, metadata: at('2026-05-03T08:00:00.000Z') }]);
  return { store, opened };
}

describe('parsing --as-of', () => {
  it('takes a position as history prints it, or an ISO timestamp', () => {
    expect(parseAsOf('12/7')).toEqual({ kind: 'position', position: { commit: 12n, prepare: 7n }, text: '12/7' });
    expect(parseAsOf('2026-05-02T10:00:00Z')).toEqual({ kind: 'time', at: new Date('2026-05-02T10:00:00Z'), text: '2026-05-02T10:00:00Z' });
    expect(parseAsOf('2026-05-02')).toMatchObject({ kind: 'time', at: new Date('2026-05-02T00:00:00Z') });
  });

  it('refuses anything else', () => {
    expect(() => parseAsOf('yesterday')).toThrow(AsOfError);
    expect(() => parseAsOf('2026-13-45T99:00:00Z')).toThrow(AsOfError);
  });
});

describe('a stream as of a moment', () => {
  it('folds the events up to a time with the stream\'s decider', async () => {
    const { store } = await givenABallotBox();
    const state = await stateAsOf(store, 'BallotBox-r1', parseAsOf('2026-05-05T00:00:00Z'), domain);
    expect(state).toMatchObject({ streamName: 'BallotBox-r1', events: 2, totalEvents: 3, revision: 1n, folded: true, state: { phase: 'open', roundId: 'r1' } });
    expect(state.lastEvent).toEqual({ type: 'BallotBoxOpened', at: '2026-05-02T08:00:00.000Z', position: expect.stringMatching(/^\d+\/\d+$/), actor: 'staff-1', reason: 'schedule' });
  });

  it('folds the events up to a position, inclusive', async () => {
    const { store, opened } = await givenABallotBox();
    const state = await stateAsOf(store, 'BallotBox-r1', { kind: 'position', position: opened.position, text: 'p' }, domain);
    expect(state).toMatchObject({ events: 2, state: { phase: 'open' } });
  });

  it('shows the initial state before the first event, and the event types of a stream without a decider', async () => {
    const { store } = await givenABallotBox();
    expect(await stateAsOf(store, 'BallotBox-r1', parseAsOf('2026-04-01'), domain)).toMatchObject({ events: 0, revision: null, lastEvent: null, state: { phase: 'none' } });
    expect(await stateAsOf(store, 'Note-x', parseAsOf('2026-06-01'), domain)).toMatchObject({ folded: false, state: null, eventTypes: ['NoteTaken'] });
  });
});
