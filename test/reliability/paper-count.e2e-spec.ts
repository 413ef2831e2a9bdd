import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Reactors } from '@lib/platform';
import { ballotBoxStream, ballotStreamPrefix, paperBatchStream, paperCountReaction } from '@lib/voting';
import { anOpenBox } from '../../libs/voting/src/testing/voting.given.js';
import { openTestSqlStore, type TestSqlStore } from '../support/sql-store.js';
import { startTestApi, TENANT, type TestApi } from '../support/test-api.js';
import { call as callApi, closeRestartSpec, type Reply, replayAsTheRunner, restartAndCatchUp } from './support/reactors.js';

const ROUND_ID = '4f0c7a52-1f4e-4a8e-9a37-0c3d2b1e5a10';

/**
 * The paper count's reactor stops before it reacts (as if the api died right after the
 * confirmation) and the api restarts on the same store: the confirmed batch's ballots are counted,
 * each once; replaying the confirmation appends nothing, and confirming again is refused.
 */
describe(`paper-count reactor after a restart (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let opened: TestSqlStore;
  let api: TestApi;
  let admin: string;
  let officialA: string;
  let officialB: string;

  const start = async () => {
    api = await startTestApi(opened.store, { env: { REACTOR_WAIT_MS: '1500' } });
    admin = await api.token('administrator', TENANT, 'staff-admin');
    officialA = await api.token('official', TENANT, 'official-a');
    officialB = await api.token('official', TENANT, 'official-b');
  };

  const call = (method: string, path: string, token: string, body?: unknown): Promise<Reply> => callApi(api.url, method, path, token, body);
  const everything = async () => (await opened.store.readAll({ maxCount: 100_000 })).map((e) => e.id);
  const ballots = async () => (await opened.store.readAll({ maxCount: 100_000, filter: { streamPrefixes: [ballotStreamPrefix(ROUND_ID)] } })).map((e) => [e.type, e.data.channel, e.data.batchId]);

  beforeAll(async () => {
    opened = await openTestSqlStore();
    await opened.store.append(
      ballotBoxStream(ROUND_ID),
      anOpenBox().map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata: { actor: 'staff-admin', role: 'administrator', tenant: TENANT } })),
      { expectedRevision: 'no_stream' },
    );
    await start();
  }, 60_000);

  afterAll(() => closeRestartSpec(api, opened));

  it('a batch confirmed while the reactor is down is counted once it runs again, ballot by ballot, exactly once', async () => {
    const printed = await call('POST', `/rounds/${ROUND_ID}/voting-codes`, admin, { count: 3, area: 'WK036301', ageBand: '18-64' });
    expect(printed.status).toBe(201);
    const codes = printed.text.trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    const batch = await call('POST', `/rounds/${ROUND_ID}/paper-batches`, officialA, { pollingStation: 'Stadhuis', batchNumber: 1, slipCount: 2 });
    expect(batch.status).toBe(201);
    const batchId = batch.body.id as string;
    for (const [code, choices] of [
      [codes[0], ['p-park']],
      [codes[1], ['p-bench', 'p-mural']],
    ] as const) {
      expect((await call('POST', `/rounds/${ROUND_ID}/paper-batches/${batchId}/ballots`, officialA, { code, ballot: { type: 'approval', choices } })).status).toBe(201);
    }

    // Everything so far carried out, then the reactors stop.
    expect((await api.app.get(Reactors).caughtUp(20_000)).complete).toBe(true);

    // The confirmation is stored on the batch only, and says its count is pending.
    await api.app.get(Reactors).stop();
    const confirmed = await call('POST', `/rounds/${ROUND_ID}/paper-batches/${batchId}/confirm`, officialB);
    expect([confirmed.status, confirmed.body.events, confirmed.body.counted, confirmed.reactions]).toEqual([200, ['PaperBatchConfirmed'], 0, 'pending; reactors="paper-count"']);
    expect(await ballots()).toEqual([]);

    // Restart: the reactor counts the batch from its checkpoint.
    await restartAndCatchUp(() => api, start);
    expect(await ballots()).toEqual([
      ['BallotCast', 'paper', batchId],
      ['BallotCast', 'paper', batchId],
    ]);
    const trigger = (await opened.store.readStream(paperBatchStream(ROUND_ID, batchId))).at(-1)!;
    expect(trigger.type).toBe('PaperBatchConfirmed');
    const counted = await opened.store.readAll({ maxCount: 100_000, filter: { streamPrefixes: [ballotStreamPrefix(ROUND_ID)] } });
    expect(counted.map((e) => [e.metadata.$causationId, e.metadata.actor, e.data.castAt])).toEqual([
      [trigger.id, 'official-b', trigger.data.confirmedAt],
      [trigger.id, 'official-b', trigger.data.confirmedAt],
    ]);

    // Replaying the confirmation (the runner's path, the same derived ids) appends nothing; nor does a second restart.
    const before = await everything();
    expect(await replayAsTheRunner(opened.store, [trigger], [paperCountReaction(opened.store)])).toEqual([]);
    expect(await everything()).toEqual(before);
    await restartAndCatchUp(() => api, start);
    expect(await everything()).toEqual(before);

    // The official retries the confirmation they never saw counted: refused, nothing appended.
    const retried = await call('POST', `/rounds/${ROUND_ID}/paper-batches/${batchId}/confirm`, officialB);
    expect([retried.status, retried.body.code]).toEqual([409, 'PAPER_BATCH.ALREADY_CONFIRMED']);
    expect(await everything()).toEqual(before);

    // The count sees both paper ballots once the box is closed.
    expect((await call('POST', `/rounds/${ROUND_ID}/ballot-box/close`, admin, { reason: 'End of the voting period' })).status).toBe(200);
    const count = await call('GET', `/rounds/${ROUND_ID}/count`, admin);
    expect([count.status, count.body.ballots]).toEqual([200, 2]);
  }, 120_000);
});
