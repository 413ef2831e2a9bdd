import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { reactionContext } from '@lib/es';
import { Reactors } from '@lib/platform';
import { ballotBoxStream, codeSuccessorReaction, participantStreamPrefix } from '@lib/voting';
import { anOpenBox } from '../../libs/voting/src/testing/voting.given.js';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../support/sql-store.js';
import { startTestApi, TENANT, type TestApi } from '../support/test-api.js';

const ROUND_ID = '9b2d4e61-3c5a-4f7e-8d19-6a0b2c3d4e5f';

interface Reply {
  status: number;
  body: Record<string, unknown>;
  text: string;
  reactions: string | null;
}

/**
 * The code-successor reactor stops before it reacts (as if the api died right after the re-issue)
 * and the api restarts on the same store: the new code joins the roll once and then signs in;
 * replaying the re-issue appends nothing, and re-issuing the old code again is refused.
 */
describe(`code-successor reactor after a restart (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let opened: TestSqlStore;
  let api: TestApi;
  let admin: string;
  // The round keys outlive a restart, as their directory does in production: a new one would make every code unknown.
  let roundKeyDir: string;

  const start = async () => {
    api = await startTestApi(opened.store, { env: { REACTOR_WAIT_MS: '1500', ROUND_KEY_DIR: roundKeyDir } });
    admin = await api.token('administrator', TENANT, 'staff-admin');
  };

  async function call(method: string, path: string, token: string | null, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${api.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = {};
    }
    return { status: response.status, body: parsed, text, reactions: response.headers.get('reactions') };
  }
  const everything = async () => (await opened.store.readAll({ maxCount: 100_000 })).map((e) => e.id);
  const roll = async () => (await opened.store.readAll({ maxCount: 100_000, filter: { streamPrefixes: [participantStreamPrefix(ROUND_ID)] } })).map((e) => [e.type, e.data.source ?? null]);

  beforeAll(async () => {
    roundKeyDir = await mkdtemp(join(tmpdir(), 'code-successor-keys-'));
    opened = await openTestSqlStore();
    await opened.store.append(
      ballotBoxStream(ROUND_ID),
      anOpenBox().map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata: { actor: 'staff-admin', role: 'administrator', tenant: TENANT } })),
      { expectedRevision: 'no_stream' },
    );
    await start();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await opened?.cleanup();
    await closeSharedPglite();
    await rm(roundKeyDir, { recursive: true, force: true });
  });

  it('a code re-issued while the reactor is down joins the roll once it runs again, exactly once', async () => {
    const printed = await call('POST', `/rounds/${ROUND_ID}/voting-codes`, admin, { count: 2, area: 'WK036301', ageBand: '18-64' });
    expect(printed.status).toBe(201);
    const [lost] = printed.text.trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    expect((await api.app.get(Reactors).caughtUp(20_000)).complete).toBe(true);

    // The re-issue is stored on the old code's stream only; the answer gives the new code and says the rest is pending.
    await api.app.get(Reactors).stop();
    const reissued = await call('POST', `/rounds/${ROUND_ID}/voting-codes/reissue`, admin, { code: lost, reason: 'Brief kwijt' });
    expect([reissued.status, Object.keys(reissued.body), reissued.reactions]).toEqual([201, ['code'], 'pending; reactors="code-successor"']);
    const successor = reissued.body.code as string;
    expect(await roll()).toEqual([
      ['ParticipantRegistered', 'generated'],
      ['ParticipantRegistered', 'generated'],
      ['VotingCodeReissued', null],
    ]);
    expect((await call('POST', `/rounds/${ROUND_ID}/voter-sessions`, null, { code: successor })).body.code).toBe('VOTER_SESSION.UNKNOWN_CODE');

    // Restart: the reactor registers the successor from its checkpoint, caused by the re-issue.
    await api.close();
    await start();
    expect((await api.app.get(Reactors).caughtUp(20_000)).complete).toBe(true);
    const events = await opened.store.readAll({ maxCount: 100_000, filter: { streamPrefixes: [participantStreamPrefix(ROUND_ID)] } });
    const trigger = events.find((e) => e.type === 'VotingCodeReissued')!;
    expect(events.filter((e) => e.data.source === 'reissue').map((e) => [e.streamName, e.metadata.$causationId, e.metadata.actor, e.data.registeredAt])).toEqual([
      [`Participant-${ROUND_ID}_${String(trigger.data.successorRef)}`, trigger.id, 'staff-admin', trigger.data.reissuedAt],
    ]);
    const session = await call('POST', `/rounds/${ROUND_ID}/voter-sessions`, null, { code: successor });
    expect(session.status).toBe(201);
    expect((await call('POST', `/rounds/${ROUND_ID}/voter-sessions`, null, { code: lost })).body.code).toBe('BALLOT.CODE_BLOCKED');

    // Replaying the re-issue (the runner's path, the same derived ids) appends nothing; nor does a second restart.
    const before = await everything();
    const { reactor, execute } = codeSuccessorReaction(opened.store);
    const history = await opened.store.readStream(trigger.streamName, { maxCount: Number(trigger.revision) + 1 });
    for (const [index, command] of reactor.handle(trigger, history).entries()) await execute(command, reactionContext(reactor.name, trigger, index));
    expect(await everything()).toEqual(before);
    await api.close();
    await start();
    expect((await api.app.get(Reactors).caughtUp(20_000)).complete).toBe(true);
    expect(await everything()).toEqual(before);

    // The administrator retries the re-issue they saw pending: refused, nothing appended; the roll still counts two codes.
    const retried = await call('POST', `/rounds/${ROUND_ID}/voting-codes/reissue`, admin, { code: lost, reason: 'Brief kwijt' });
    expect([retried.status, retried.body.code]).toEqual([409, 'PARTICIPANT.NOT_ACTIVE']);
    expect(await everything()).toEqual(before);
    const box = await call('GET', `/rounds/${ROUND_ID}/ballot-box`, admin);
    expect([box.body.registered, box.body.eligible]).toEqual([2, 2]);
  }, 120_000);
});
