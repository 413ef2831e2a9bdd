import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { InMemoryRoundKeyVault } from '../../round-key/round-key.vault.js';
import { aContext, anApprovalFrame } from '../../testing/voting.given.js';
import type { VotingDeps } from '../../voting.deps.js';
import { changePhase } from '../change-phase/change-phase.use-case.js';
import { prepareBallotBoxWithFrame } from '../prepare-ballot-box/prepare-ballot-box.use-case.js';
import { RoundKeyClock } from './round-key.timer.js';

const CLOSED_AT = new Date('2026-05-15T17:00:00.000Z');
const frame = (days: number) => anApprovalFrame({ ballot: { ...anApprovalFrame().ballot, correctionWindowDays: days } });

async function aClosedRound(deps: VotingDeps, days: number): Promise<string> {
  const roundId = randomUUID();
  await prepareBallotBoxWithFrame(deps, roundId, frame(days), aContext());
  await changePhase(deps, { roundId, change: 'open', reason: 'Schedule' }, aContext());
  await deps.vault.keyFor(roundId);
  await changePhase({ ...deps, now: () => CLOSED_AT }, { roundId, change: 'close', reason: 'Schedule' }, aContext({ now: CLOSED_AT }));
  return roundId;
}

const boxTypes = async (deps: VotingDeps, roundId: string) => (await deps.store.readStream(`BallotBox-${roundId}`)).map((e) => e.type);

describe('RoundKeyClock (the end of the correction window)', () => {
  it('keeps the key inside the window and destroys it at its end, once, recording when and why', async () => {
    const deps: VotingDeps = { store: new InMemoryEventStore(), vault: new InMemoryRoundKeyVault(), now: () => CLOSED_AT, newId: () => randomUUID() };
    const roundId = await aClosedRound(deps, 7);
    const clock = new RoundKeyClock(deps);
    await clock.tick(new Date('2026-05-22T16:59:59.000Z'));
    expect(await deps.vault.status(roundId)).toBe('active');
    expect(await boxTypes(deps, roundId)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed']);

    await clock.tick(new Date('2026-05-22T17:00:00.000Z'));
    expect(await deps.vault.status(roundId)).toBe('destroyed');
    const last = (await deps.store.readStream(`BallotBox-${roundId}`)).at(-1)!;
    expect([last.type, last.data, last.metadata.actor]).toEqual(['RoundKeyDestroyed', { roundId, reason: 'correction-window-ended', destroyedAt: '2026-05-22T17:00:00.000Z' }, 'round-key-clock']);
    await clock.tick(new Date('2026-05-23T00:00:00.000Z'));
    expect((await boxTypes(deps, roundId)).filter((t) => t === 'RoundKeyDestroyed')).toHaveLength(1);
  });

  it('after downtime a new process catches up at its first tick; a second process finds it done and appends nothing', async () => {
    const deps: VotingDeps = { store: new InMemoryEventStore(), vault: new InMemoryRoundKeyVault(), now: () => CLOSED_AT, newId: () => randomUUID() };
    const due = await aClosedRound(deps, 3);
    const later = await aClosedRound(deps, 30);
    const closedWithoutWindow = await aClosedRound(deps, 0);
    await new RoundKeyClock(deps).tick(new Date('2026-06-01T00:00:00.000Z'));
    expect([await deps.vault.status(due), await deps.vault.status(later), await deps.vault.status(closedWithoutWindow)]).toEqual(['destroyed', 'active', 'destroyed']);
    const before = (await deps.store.readAll({ maxCount: 10_000 })).length;
    await new RoundKeyClock(deps).tick(new Date('2026-06-01T00:00:01.000Z'));
    expect((await deps.store.readAll({ maxCount: 10_000 })).length).toBe(before);
    expect((await boxTypes(deps, closedWithoutWindow)).filter((t) => t === 'RoundKeyDestroyed')).toHaveLength(1);
  });
});
