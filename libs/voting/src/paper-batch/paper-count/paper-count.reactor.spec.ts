import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { DomainError, type DomainEvent, reactionContext } from '@lib/es';
import { InMemoryEventStore, type RecordedEvent } from '@lib/event-store';
import { ReactorSpecification } from '@lib/es/testing';
import type { BallotEvent } from '../../ballot/ballot.events.js';
import { ballotBoxStream } from '../../ballot-box/ballot-box.events.js';
import { aClosedBox, anApprovalFrame, AT, ROUND_ID } from '../../testing/voting.given.js';
import type { PaperBatchEvent } from '../paper-batch.events.js';
import { CountBatchBallot, paperCountReaction, paperCountReactor } from './paper-count.reactor.js';

const BATCH = 'Stembureau-3-7';
const LATER = '2026-05-02T18:00:00.000Z';
const TENANT = 'GM0363';
const given = ReactorSpecification.for(paperCountReactor, `PaperBatch-${ROUND_ID}_${BATCH}`);

const opened: PaperBatchEvent = {
  type: 'PaperBatchOpened',
  data: { roundId: ROUND_ID, batchId: BATCH, pollingStation: 'Stembureau-3', batchNumber: 7, slipCount: 2, openedBy: 'official-a', openedAt: AT },
};
const entered = (ref: string, choices: string[], ageBand?: string): PaperBatchEvent => ({
  type: 'PaperBallotEntered',
  data: { roundId: ROUND_ID, batchId: BATCH, ballotRef: ref, area: 'WK036301', ...(ageBand === undefined ? {} : { ageBand }), content: { type: 'approval', choices }, enteredBy: 'official-a', enteredAt: AT },
});
const confirmed: PaperBatchEvent = { type: 'PaperBatchConfirmed', data: { roundId: ROUND_ID, batchId: BATCH, count: 2, confirmedBy: 'official-b', confirmedAt: LATER } };
const R1 = 'a'.repeat(64);
const R2 = 'b'.repeat(64);

describe('paper-count reactor (a confirmed batch counts, ballot by ballot)', () => {
  it('the confirmation: one count per ballot of the batch, in the order entered, at the time of the confirmation', () => {
    given([opened, entered(R1, ['p-park'], '18-64'), entered(R2, ['p-bench', 'p-mural']), confirmed]).then([
      new CountBatchBallot({ roundId: ROUND_ID, batchId: BATCH, ballot: { ballotRef: R1, area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-park'] } }, countedAt: LATER }),
      new CountBatchBallot({ roundId: ROUND_ID, batchId: BATCH, ballot: { ballotRef: R2, area: 'WK036301', content: { type: 'approval', choices: ['p-bench', 'p-mural'] } }, countedAt: LATER }),
    ]);
  });

  it('opening a batch and entering ballots count nothing yet', () => {
    given([opened]).then([]);
    given([opened, entered(R1, ['p-park'])]).then([]);
  });
});

describe('paper-count reaction (each command on one ballot stream, decided there)', () => {
  async function aConfirmedBatch(): Promise<{ store: InMemoryEventStore; trigger: RecordedEvent; history: RecordedEvent[] }> {
    const store = new InMemoryEventStore();
    const metadata = { actor: 'official-b', role: 'official', tenant: TENANT };
    const append = (stream: string, events: DomainEvent[]) => store.append(stream, events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata })), { expectedRevision: 'any' });
    await append(ballotBoxStream(ROUND_ID), aClosedBox(anApprovalFrame({ paperPrecedence: 'online' })));
    // R2 voted online already; online takes precedence in this frame, so its paper ballot is set aside.
    const online: BallotEvent = {
      type: 'BallotCast',
      data: { roundId: ROUND_ID, ballotRef: R2, channel: 'online', verification: 'voting-code', area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-trees'] }, batchId: null, castAt: AT },
    };
    await append(`Ballot-${ROUND_ID}_${R2}`, [online]);
    const stream = `PaperBatch-${ROUND_ID}_${BATCH}`;
    await append(stream, [opened, entered(R1, ['p-park'], '18-64'), entered(R2, ['p-bench'], '18-64'), confirmed]);
    const history = await store.readStream(stream);
    return { store, trigger: history.at(-1)!, history };
  }

  async function react(store: InMemoryEventStore, trigger: RecordedEvent, history: RecordedEvent[]): Promise<string[]> {
    const { reactor, execute } = paperCountReaction(store);
    const refused: string[] = [];
    for (const [index, command] of reactor.handle(trigger, history).entries()) {
      await execute(command, reactionContext(reactor.name, trigger, index)).catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        refused.push(error.code);
      });
    }
    return refused;
  }

  it('counts the first ballot, sets the outranked one aside, with the trigger as cause; a replay appends nothing', async () => {
    const { store, trigger, history } = await aConfirmedBatch();
    expect(await react(store, trigger, history)).toEqual([]);
    const first = await store.readStream(`Ballot-${ROUND_ID}_${R1}`);
    expect(first.map((e) => [e.type, e.data.channel, e.data.batchId, e.data.castAt, e.metadata.$causationId, e.metadata.tenant])).toEqual([['BallotCast', 'paper', BATCH, LATER, trigger.id, TENANT]]);
    const second = await store.readStream(`Ballot-${ROUND_ID}_${R2}`);
    expect(second.map((e) => [e.type, e.data.reason])).toEqual([
      ['BallotCast', undefined],
      ['PaperBallotSetAside', 'online-ballot-stands'],
    ]);

    const before = (await store.readAll({ maxCount: 1000 })).map((e) => e.id);
    expect(await react(store, trigger, history)).toEqual([]);
    expect((await store.readAll({ maxCount: 1000 })).map((e) => e.id)).toEqual(before);
  });

  it('a replay after the box was sealed still finds the batch counted: nothing appended, nothing refused', async () => {
    const { store, trigger, history } = await aConfirmedBatch();
    await react(store, trigger, history);
    await store.append(ballotBoxStream(ROUND_ID), [{ id: randomUUID(), type: 'BallotBoxSealed', data: { roundId: ROUND_ID, reason: 'Result adopted', sealedAt: LATER }, metadata: { tenant: TENANT } }], { expectedRevision: 'any' });
    const before = (await store.readAll({ maxCount: 1000 })).map((e) => e.id);
    expect(await react(store, trigger, history)).toEqual([]);
    expect((await store.readAll({ maxCount: 1000 })).map((e) => e.id)).toEqual(before);
  });
});
