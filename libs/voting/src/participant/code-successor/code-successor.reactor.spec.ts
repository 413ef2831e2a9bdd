import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { type DomainEvent, reactionContext } from '@lib/es';
import { InMemoryEventStore, type RecordedEvent } from '@lib/event-store';
import { ReactorSpecification } from '@lib/es/testing';
import { AT, ROUND_ID } from '../../testing/voting.given.js';
import { type ParticipantEvent, participantStream } from '../participant.events.js';
import { RegisterSuccessor } from '../register-successor/register-successor.command.js';
import { codeSuccessorReaction, codeSuccessorReactor } from './code-successor.reactor.js';

const OLD = 'a'.repeat(64);
const ROOT = 'f'.repeat(64);
const NEW = 'e'.repeat(64);
const LATER = '2026-05-03T11:00:00.000Z';
const TENANT = 'GM0363';
const given = ReactorSpecification.for(codeSuccessorReactor, participantStream(ROUND_ID, OLD));

// The old code is itself a successor: its root is the first code's, which the new one keeps.
const registered: ParticipantEvent = {
  type: 'ParticipantRegistered',
  data: { roundId: ROUND_ID, participantRef: OLD, rootRef: ROOT, area: 'WK036302', ageBand: '65+', eligible: true, ineligibility: null, source: 'reissue', registeredAt: AT },
};
const reissued: ParticipantEvent = { type: 'VotingCodeReissued', data: { roundId: ROUND_ID, participantRef: OLD, successorRef: NEW, reason: 'Letter lost', reissuedAt: LATER } };
const successor = new RegisterSuccessor({ roundId: ROUND_ID, participantRef: NEW, rootRef: ROOT, area: 'WK036302', ageBand: '65+', eligible: true, ineligibility: null, registeredAt: LATER });

describe('code-successor reactor (a re-issued code names its successor)', () => {
  it('the re-issue: one registration of the successor, with the old code\'s root, area, age band and eligibility, at the time of the re-issue', () => {
    given([registered, reissued]).then([successor]);
  });

  it('registering or blocking a code registers no one else', () => {
    given([registered]).then([]);
    given([registered, { type: 'VotingCodeBlocked', data: { roundId: ROUND_ID, participantRef: OLD, reason: 'Stolen', blockedAt: LATER } }]).then([]);
  });
});

describe('code-successor reaction (on the successor\'s stream only)', () => {
  const metadata = { actor: 'staff-7', role: 'administrator', tenant: TENANT };
  async function aReissuedCode(store: InMemoryEventStore): Promise<{ trigger: RecordedEvent; history: RecordedEvent[] }> {
    const append = (stream: string, events: DomainEvent[]) => store.append(stream, events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata })), { expectedRevision: 'any' });
    await append(participantStream(ROUND_ID, OLD), [registered, reissued]);
    const history = await store.readStream(participantStream(ROUND_ID, OLD));
    return { trigger: history.at(-1)!, history };
  }
  async function react(store: InMemoryEventStore, trigger: RecordedEvent, history: RecordedEvent[]): Promise<void> {
    const { reactor, execute } = codeSuccessorReaction(store);
    for (const [index, command] of reactor.handle(trigger, history).entries()) await execute(command, reactionContext(reactor.name, trigger, index));
  }
  const ids = async (store: InMemoryEventStore) => (await store.readAll({ maxCount: 1000 })).map((e) => e.id);

  it('registers the successor in its own stream, caused by the re-issue, in its municipality; a replay appends nothing', async () => {
    const store = new InMemoryEventStore();
    const { trigger, history } = await aReissuedCode(store);
    await react(store, trigger, history);
    const stream = await store.readStream(participantStream(ROUND_ID, NEW));
    expect(stream.map((e) => [e.type, e.data, e.metadata.$causationId, e.metadata.actor, e.metadata.tenant])).toEqual([
      ['ParticipantRegistered', { ...successor.data, source: 'reissue' }, trigger.id, 'staff-7', TENANT],
    ]);
    expect((await store.readStream(participantStream(ROUND_ID, OLD))).map((e) => e.type)).toEqual(['ParticipantRegistered', 'VotingCodeReissued']);

    const before = await ids(store);
    await react(store, trigger, history);
    expect(await ids(store)).toEqual(before);
  });

  it('a store from before the reactor, where the request registered the successor itself, gets nothing more', async () => {
    const store = new InMemoryEventStore();
    await store.append(
      participantStream(ROUND_ID, NEW),
      [{ id: randomUUID(), type: 'ParticipantRegistered', data: { ...successor.data, source: 'reissue', registeredAt: AT }, metadata }],
      { expectedRevision: 'no_stream' },
    );
    const { trigger, history } = await aReissuedCode(store);
    const before = await ids(store);
    await react(store, trigger, history);
    expect(await ids(store)).toEqual(before);
  });
});
