import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { DomainEvent } from '@lib/es';
import { InMemoryEventStore } from '@lib/event-store';
import { budgetStream, proposalStream } from '@lib/budgeting';
import { startTestApi, TENANT, OTHER_TENANT, type TestApi } from '../../../test/support/test-api.js';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../budgeting/src/budget/testing/budget.given.js';
import { anAdmittedPlan } from '../../budgeting/src/proposal/testing/proposal.given.js';

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

async function call(url: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; csv?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    body = options.csv;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    parsed = {};
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

async function given(store: InMemoryEventStore, stream: string, events: DomainEvent[], tenant = TENANT): Promise<void> {
  await store.append(
    stream,
    events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata: { actor: 'staff-0', role: 'administrator', tenant } })),
    { expectedRevision: 'any' },
  );
}

const count = async (store: InMemoryEventStore) => (await store.readAll({ maxCount: 100_000 })).length;

describe('voting over real HTTP', () => {
  let api: TestApi;
  let store: InMemoryEventStore;
  const roundId = randomUUID();
  const budgetId = randomUUID();
  const plans = [randomUUID(), randomUUID()];
  let codes: string[] = [];
  let admin: string;

  beforeAll(async () => {
    store = new InMemoryEventStore();
    api = await startTestApi(store);
    admin = await api.token('administrator', TENANT, 'staff-7');
    await given(store, budgetStream(budgetId), [
      { type: 'BudgetEstablished', data: { budgetId, version: 1, frame: aBurgerbegrotingFrame(), areaAmounts: [], decision: COUNCIL_DECISION, template: null, establishedAt: '2026-01-15T10:00:00.000Z' } },
    ]);
    for (const planId of plans) {
      const events = anAdmittedPlan().map((e) => ({ ...e, data: { ...e.data, proposalId: planId, ...(e.type === 'ProposalSubmitted' ? { roundId, budgetId } : {}) } })) as DomainEvent[];
      await given(store, proposalStream(planId), events);
    }
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('prepares the box from the frame and the admitted plans, prints codes once, opens', async () => {
    const refused = await call(api.url, 'POST', `/rounds/${roundId}/ballot-box`, { token: admin, body: { budgetId, proposalIds: [...plans, randomUUID()] } });
    expect(refused.status).toBe(404);
    const prepared = await call(api.url, 'POST', `/rounds/${roundId}/ballot-box`, { token: admin, body: { budgetId, proposalIds: plans } });
    expect(prepared.status).toBe(201);
    expect(prepared.body).toEqual({ id: roundId, revision: '0', events: ['BallotBoxPrepared'] });
    expect([prepared.headers.get('etag'), prepared.headers.get('location')]).toEqual(['"0"', `/rounds/${roundId}/ballot-box`]);

    const personal = await call(api.url, 'POST', `/rounds/${roundId}/voter-roll`, { token: admin, csv: 'code,area,age_band,adres\nABCD2345EFGH,WK036301,18-64,Dorpsstraat 1\n' });
    expect(personal.status).toBe(400);
    expect(personal.body.code).toBe('VOTER_ROLL.PERSONAL_DATA_COLUMN');

    const printed = await call(api.url, 'POST', `/rounds/${roundId}/voting-codes`, { token: admin, body: { count: 4, area: 'WK036301', ageBand: '18-64' } });
    expect(printed.status).toBe(201);
    expect(printed.headers.get('content-type')).toMatch(/^text\/csv/);
    codes = printed.text.trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    expect(codes).toHaveLength(4);

    const early = await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: codes[0] } });
    expect(early.body.code).toBe('BALLOT.VOTING_CLOSED');
    const malformedId = await call(api.url, 'POST', `/rounds/${roundId}.x/ballot-box/open`, { token: admin, body: { reason: 'Voting period of the council decision' } });
    expect([malformedId.status, malformedId.body.code]).toEqual([400, 'REQUEST.INVALID_ID']);
    // The codes went to their own Participant streams: the box is where it was, and counts its roll from them.
    const box = await call(api.url, 'GET', `/rounds/${roundId}/ballot-box`, { token: admin });
    expect([box.status, box.headers.get('etag'), box.headers.get('cache-control'), box.body.phase, box.body.registered, box.body.eligible]).toEqual([200, '"0"', 'no-store', 'prepared', 4, 4]);
    const opened = await call(api.url, 'POST', `/rounds/${roundId}/ballot-box/open`, {
      token: admin,
      body: { reason: ' Voting period of the council decision ' },
      headers: { 'x-correlation-id': 'schedule-2026-voting', 'if-match': '"0"' },
    });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('etag')).toBe('"1"');
    const [openedEvent] = (await store.readAll({ maxCount: 100_000 })).filter((e) => e.type === 'BallotBoxOpened');
    expect(openedEvent!.metadata).toMatchObject({ actor: 'staff-7', role: 'administrator', tenant: TENANT, $correlationId: 'schedule-2026-voting', reason: 'Voting period of the council decision' });
  });

  it('a voter signs in with a code and casts once; 200 concurrent casts leave exactly one ballot', async () => {
    const unknown = await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' } });
    expect(unknown.status).toBe(403);
    expect(unknown.body.code).toBe('VOTER_SESSION.UNKNOWN_CODE');

    const session = await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: codes[0]!.toLowerCase() } });
    expect(session.status).toBe(201);
    expect(session.body.earlierSignIns).toEqual({ count: 0, lastAt: null });
    const token = session.body.token as string;
    // The sign-in is recorded on the participant's stream: its pseudonym, the channel and the time, nothing else.
    const [signedIn] = (await store.readAll({ maxCount: 100_000 })).filter((e) => e.type === 'VoterSignedIn');
    const participantRef = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;
    expect([signedIn!.streamName, signedIn!.data]).toEqual([`Participant-${roundId}_${participantRef}`, { roundId, participantRef, channel: 'code', signedInAt: expect.any(String) }]);
    expect(signedIn!.metadata).toMatchObject({ actor: 'voter', role: 'voter', tenant: TENANT });
    expect(JSON.stringify([signedIn!.streamName, signedIn!.data, signedIn!.metadata])).not.toMatch(new RegExp(`${codes[0]}|${codes[0]!.replaceAll('-', '')}|127\\.0\\.0\\.1`, 'i'));
    // Whoever signs in with the same code next is told: the voter sees a reading with their code they did not make.
    const again = await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: codes[0] } });
    expect(again.body.earlierSignIns).toEqual({ count: 1, lastAt: (signedIn!.data as { signedInAt: string }).signedInAt });

    const before = await count(store);
    const tooMany = await call(api.url, 'POST', `/rounds/${roundId}/ballots`, { token, body: { type: 'approval', choices: [plans[0], 'nope'] } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('BALLOT.UNKNOWN_PLAN');
    const malformed = await call(api.url, 'POST', `/rounds/${roundId}/ballots`, { token, body: { type: 'approval', points: { x: 1 } } });
    expect(malformed.body.code).toBe('BALLOT.MALFORMED');
    expect(await count(store)).toBe(before);

    const answers = await Promise.all(Array.from({ length: 200 }, () => call(api.url, 'POST', `/rounds/${roundId}/ballots`, { token, body: { type: 'approval', choices: [plans[0]] } })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(new Set(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.body.code}`))).toEqual(new Set(['409 BALLOT.ALREADY_CAST']));
    const ballotEvents = (await store.readAll({ maxCount: 100_000 })).filter((e) => e.streamName.startsWith(`Ballot-${roundId}_`));
    expect(ballotEvents.map((e) => e.type)).toEqual(['BallotCast']);
    expect(ballotEvents[0]!.metadata.actor).toBe('voter');

    const mine = await call(api.url, 'GET', `/rounds/${roundId}/ballots/mine`, { token });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ channel: 'online', revision: '0' });
    for (const plan of plans) expect(JSON.stringify(mine.body)).not.toContain(plan);
    const etag = mine.headers.get('etag')!;
    const noIfMatch = await call(api.url, 'PUT', `/rounds/${roundId}/ballots/mine`, { token, body: { type: 'approval', choices: [plans[1]] } });
    expect(noIfMatch.body.code).toBe('BALLOT.REVISION_REQUIRED');
    const replaced = await call(api.url, 'PUT', `/rounds/${roundId}/ballots/mine`, { token, body: { type: 'approval', choices: [plans[1]] }, headers: { 'if-match': etag } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.events).toEqual(['BallotReplaced']);
    const stale = await call(api.url, 'PUT', `/rounds/${roundId}/ballots/mine`, { token, body: { type: 'approval', choices: [plans[0]] }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);

    const otherRound = await api.token('voter', TENANT, 'someone', { round: randomUUID() });
    expect((await call(api.url, 'POST', `/rounds/${roundId}/ballots`, { token: otherRound, body: { type: 'approval', choices: [plans[0]] } })).status).toBe(403);
    expect((await call(api.url, 'POST', `/rounds/${roundId}/ballots`, { token: admin, body: { type: 'approval', choices: [plans[0]] } })).status).toBe(403);
  });

  it('blocks a code; rate-limits sign-in attempts per code', async () => {
    const blocked = await call(api.url, 'POST', `/rounds/${roundId}/voting-codes/block`, { token: admin, body: { code: codes[3], reason: 'Letter stolen' } });
    expect(blocked.status).toBe(200);
    const refused = await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: codes[3] } });
    expect(refused.body.code).toBe('BALLOT.CODE_BLOCKED');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: codes[3] } })).status);
    expect(statuses).toContain(429);
    const limited = await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: codes[3] } });
    expect(limited.body.code).toBe('VOTER_SESSION.RATE_LIMITED');
  });

  it('re-issues a lost code: the new code, shown once, leads to the same ballot; the old one no longer works; the roll keeps its size', async () => {
    const reissued = await call(api.url, 'POST', `/rounds/${roundId}/voting-codes/reissue`, { token: admin, body: { code: codes[0], reason: 'Letter lost' } });
    expect([reissued.status, reissued.headers.get('reactions'), reissued.headers.get('cache-control')]).toEqual([201, 'complete', 'no-store']);
    expect(Object.keys(reissued.body)).toEqual(['code']);
    const successor = reissued.body.code as string;
    const session = await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: successor } });
    expect(session.status).toBe(201);
    const mine = await call(api.url, 'GET', `/rounds/${roundId}/ballots/mine`, { token: session.body.token as string });
    // The same ballot, replaced once (revision 1); what it says is not shown to whoever holds the code.
    expect([mine.status, mine.body]).toEqual([200, { channel: 'online', revision: '1' }]);
    expect((await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: codes[0] } })).body.code).toBe('BALLOT.CODE_BLOCKED');
    const again = await call(api.url, 'POST', `/rounds/${roundId}/voting-codes/reissue`, { token: admin, body: { code: codes[0], reason: 'Letter lost twice' } });
    expect([again.status, again.body.code]).toEqual([409, 'PARTICIPANT.NOT_ACTIVE']);
    const box = await call(api.url, 'GET', `/rounds/${roundId}/ballot-box`, { token: admin });
    expect([box.body.registered, box.body.eligible]).toEqual([4, 4]);
  });

  it('paper batches need a second official and a matching count; then close, count, seal', async () => {
    const officialA = await api.token('official', TENANT, 'official-a');
    const officialB = await api.token('official', TENANT, 'official-b');
    const opened = await call(api.url, 'POST', `/rounds/${roundId}/paper-batches`, { token: officialA, body: { pollingStation: 'Stadhuis', batchNumber: 1, slipCount: 1 } });
    expect(opened.status).toBe(201);
    const batchId = opened.body.id as string;
    const entered = await call(api.url, 'POST', `/rounds/${roundId}/paper-batches/${batchId}/ballots`, { token: officialA, body: { code: codes[1], ballot: { type: 'approval', choices: [plans[0], plans[1]] } } });
    expect(entered.status).toBe(201);
    const self = await call(api.url, 'POST', `/rounds/${roundId}/paper-batches/${batchId}/confirm`, { token: officialA });
    expect(self.body.code).toBe('PAPER_BATCH.SAME_OFFICIAL');
    const confirmed = await call(api.url, 'POST', `/rounds/${roundId}/paper-batches/${batchId}/confirm`, { token: officialB });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.counted).toBe(1);
    // The confirmation is stored on the batch; the paper-count reactor counted the ballot before the answer.
    expect([confirmed.body.events, confirmed.headers.get('reactions')]).toEqual([['PaperBatchConfirmed'], 'complete']);

    expect((await call(api.url, 'GET', `/rounds/${roundId}/count`, { token: admin })).body.code).toBe('COUNT.VOTING_OPEN');
    await call(api.url, 'POST', `/rounds/${roundId}/ballot-box/close`, { token: admin, body: { reason: 'End of the voting period' } });
    const counted = await call(api.url, 'GET', `/rounds/${roundId}/count`, { token: await api.token('auditor') });
    expect(counted.status).toBe(200);
    expect(counted.body.ballots).toBe(2);
    expect([...(counted.body.winners as string[])].sort()).toEqual([...plans].sort());
    expect((await call(api.url, 'GET', `/rounds/${roundId}/count`, { token: await api.token('auditor', OTHER_TENANT) })).status).toBe(404);

    const sealed = await call(api.url, 'POST', `/rounds/${roundId}/ballot-box/seal`, { token: admin, body: { reason: 'Result adopted by the college' } });
    expect(sealed.status).toBe(200);
    const recount = await call(api.url, 'GET', `/rounds/${roundId}/count`, { token: admin });
    expect(recount.body.winners).toEqual(counted.body.winners);
    const after = await call(api.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: codes[2] } });
    expect(after.body.code).toBe('BALLOT.VOTING_CLOSED');
  });
});
