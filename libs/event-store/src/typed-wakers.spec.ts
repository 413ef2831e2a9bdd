import { describe, expect, it } from '@jest/globals';
import { TypedWakers } from './catch-up-subscription.js';
import { notificationPayload, notifiedTypes } from './sql/sql-event-store.js';

describe('TypedWakers', () => {
  it('wakes only the wakers whose types include one appended, every waker for unknown types, and none once released', () => {
    const wakers = new TypedWakers();
    const ballots = wakers.register(['BallotCast']);
    const every = wakers.register(undefined);
    const emptyList = wakers.register([]);
    for (const w of [ballots, every, emptyList]) w.attach();
    wakers.wake(['BudgetOpened']);
    expect([ballots.waker.current, every.waker.current, emptyList.waker.current]).toEqual([0, 1, 1]);
    wakers.wake(['BudgetOpened', 'BallotCast']);
    expect([ballots.waker.current, every.waker.current, emptyList.waker.current]).toEqual([1, 2, 2]);
    wakers.wake(null);
    expect(ballots.waker.current).toBe(2);
    ballots.release();
    wakers.wake(['BallotCast']);
    expect([ballots.waker.current, every.waker.current]).toEqual([2, 4]);
  });

  it('does not wake a waker before it is attached', () => {
    const wakers = new TypedWakers();
    const waiting = wakers.register(['BallotCast']);
    wakers.wake(['BallotCast']);
    expect(waiting.waker.current).toBe(0);
  });
});

describe('the NOTIFY payload of an append', () => {
  it('names the types comma-separated, and says nothing (wake all) when a name has a comma or the list does not fit', () => {
    expect(notificationPayload(new Set(['BallotCast', 'ReceiptIssued']))).toBe('BallotCast,ReceiptIssued');
    expect(notifiedTypes('BallotCast,ReceiptIssued')).toEqual(['BallotCast', 'ReceiptIssued']);
    expect(notificationPayload(new Set(['Odd,Name']))).toBeNull();
    expect(notificationPayload(new Set())).toBeNull();
    expect(notificationPayload(new Set(Array.from({ length: 800 }, (_, i) => `EventTypeNumber${i}`)))).toBeNull();
    expect(notifiedTypes('')).toBeNull();
    expect(notifiedTypes(null)).toBeNull();
  });
});
