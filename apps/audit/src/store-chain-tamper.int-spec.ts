import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type StoreChainBreak, verifyStore } from '@lib/audit';
import { type CommandContext, type Decider, eventHash, extendStoreChain, GENESIS_HASH, handleCommand, HASH_KEY, PREVIOUS_HASH_KEY, STORE_CHAIN_STREAM } from '@lib/es';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../test/support/sql-store.js';
import { runAudit } from './audit-cli.js';

type Fact = { type: string; data: Record<string, unknown> };
/** A decider that records whatever it is told: the audit only cares about what was stored. */
const recorder: Decider<Fact[], null, Fact> = { initialState: () => null, evolve: () => null, decide: (facts) => facts };

const context: CommandContext = { actor: 'staff-7', role: 'administrator', tenant: 'GM0363', correlationId: 'c-1', now: new Date('2026-04-01T09:00:00Z') };
let n = 0;
const newId = () => `20000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const ballot = (ref: string, choices: string[]) => ({ type: 'BallotCast', data: { roundId: 'r1', ballotRef: ref, channel: 'online', verification: 'voting-code', area: 'WK01', content: { type: 'approval', choices }, batchId: null, castAt: '2026-04-01T10:00:00Z' } });

async function record(db: TestSqlStore, stream: string, facts: Fact[]) {
  await handleCommand(db.store, stream, recorder, facts, context, { newId });
  // The chain and the audit read `$all`, whose horizon may trail on a PostgreSQL shared with other test files.
  await db.settled();
}

async function audit(db: TestSqlStore, ...argv: string[]) {
  await db.settled();
  let out = '';
  const code = await runAudit({ argv, store: db.store, out: (t) => (out += t), err: (t) => (out += t), progress: false });
  return { code, out };
}

/**
 * Someone with write access to the event database and no published digest in hand: each class of
 * change the store-wide chain exists for, done in SQL, and `audit verify` naming it with its stream,
 * position and class.
 */
describe('the store-wide chain against a SQL store tampered with directly', () => {
  let db: TestSqlStore;
  const events = '"events"';
  const chain = async () => {
    const head = await extendStoreChain(db.store, { now: context.now, correlationId: 'chain-1', newId });
    await db.settled();
    return head;
  };
  const positionOf = async (stream: string, revision: number) => {
    const [row] = await db.sql.query<{ position: string }>(`SELECT transaction_id::text || '/' || global_position::text AS position FROM ${db.schema}.${events} WHERE stream_id = $1 AND revision = $2`, [stream, revision]);
    return row!.position;
  };
  const breaks = async () => {
    await db.settled();
    return (await verifyStore(db.store)).breaks as StoreChainBreak[];
  };

  beforeEach(async () => {
    db = await openTestSqlStore();
    await record(db, 'Round-r1', [{ type: 'RoundPlanned', data: { roundId: 'r1', budgetId: 'b1' } }]);
    await record(db, 'BallotBox-r1', [{ type: 'BallotBoxOpened', data: { roundId: 'r1', reason: 'volgens de planning', openedAt: '2026-04-01T09:00:00Z' } }]);
    await record(db, 'Ballot-r1_a', [ballot('a', ['p1'])]);
    await record(db, 'Ballot-r1_b', [ballot('b', ['p2'])]);
    await record(db, 'Ballot-r1_c', [ballot('c', ['p1', 'p2'])]);
    await record(db, 'BallotBox-r1', [{ type: 'BallotBoxClosed', data: { roundId: 'r1', reason: 'volgens de planning', closedAt: '2026-04-02T09:00:00Z' } }]);
    await record(db, 'Round-r1', [{ type: 'RoundPhaseAdvanced', data: { roundId: 'r1', from: 'voting', to: 'counting' } }]);
    await chain();
  });
  afterEach(async () => {
    await db.cleanup();
  });
  afterAll(closeSharedPglite);

  it('passes an untouched store and says how far the chain reaches', async () => {
    const report = await verifyStore(db.store);
    expect(report).toMatchObject({ ok: true, breaks: [], storeChain: { links: 1, covered: 7, unchained: 0, head: { link: 0, upTo: await positionOf('Round-r1', 1) } } });
    // Chaining again adds nothing; a later event is chained by the next call, as a new link.
    expect((await chain())!.link).toBe(0);
    await record(db, 'Round-r1', [{ type: 'ResultPublished', data: { roundId: 'r1' } }]);
    expect((await verifyStore(db.store)).storeChain).toMatchObject({ links: 1, unchained: 1 });
    expect(await chain()).toMatchObject({ link: 1, upTo: await positionOf('Round-r1', 2) });
    expect(await verifyStore(db.store)).toMatchObject({ ok: true, storeChain: { links: 2, covered: 8, unchained: 0 } });
    const { code, out } = await audit(db, 'verify');
    expect(code).toBe(0);
    expect(out).toContain('store-wide chain: 2 link(s) over 8 events');
  });

  it("catches a stream's last event deleted (its chain within the stream still holds)", async () => {
    const position = await positionOf('BallotBox-r1', 1);
    await db.sql.exec(`DELETE FROM ${db.schema}.${events} WHERE stream_id = 'BallotBox-r1' AND revision = 1`);
    expect(await breaks()).toEqual([expect.objectContaining({ problem: 'event-deleted', streamName: 'BallotBox-r1', revision: '1', position, link: 0 })]);
    const { code, out } = await audit(db, 'verify');
    expect(code).toBe(1);
    expect(out).toContain(`BROKEN: BallotBox-r1 revision 1 at position ${position} (store-wide chain link 0): event-deleted`);
  });

  it('catches a whole ballot stream deleted', async () => {
    const position = await positionOf('Ballot-r1_b', 0);
    await db.sql.exec(`DELETE FROM ${db.schema}.${events} WHERE stream_id = 'Ballot-r1_b'`);
    expect(await breaks()).toEqual([expect.objectContaining({ problem: 'stream-deleted', streamName: 'Ballot-r1_b', revision: '0', position })]);
    // Also within the round's scope: the stream is gone, its name still says which round it was of.
    expect((await verifyStore(db.store, { roundId: 'r1' })).breaks).toEqual([expect.objectContaining({ problem: 'stream-deleted', streamName: 'Ballot-r1_b' })]);
  });

  /** A forged ballot with a hash that fits: a stream of its own, so no stream chain can object. */
  async function forge(position: 'end' | { xid: string; after: string }) {
    const { type, data } = ballot('forged', ['p2']);
    const metadata: Record<string, unknown> = { ...context, now: undefined, at: '2026-04-01T11:00:00.000Z', [PREVIOUS_HASH_KEY]: GENESIS_HASH };
    delete metadata.now;
    metadata[HASH_KEY] = eventHash('Ballot-r1_forged', type, data, metadata, GENESIS_HASH);
    const columns = `transaction_id, stream_id, revision, event_id, event_type, data, metadata`;
    const values = `'Ballot-r1_forged', 0, '20000000-0000-4000-8000-999999999999', '${type}', '${JSON.stringify(data)}'::jsonb, '${JSON.stringify(metadata)}'::jsonb`;
    if (position === 'end') await db.sql.exec(`INSERT INTO ${db.schema}.${events} (${columns}) VALUES (pg_current_xact_id(), ${values})`);
    else await db.sql.exec(`INSERT INTO ${db.schema}.${events} (global_position, ${columns}) OVERRIDING SYSTEM VALUE VALUES (${position.after}, '${position.xid}'::xid8, ${values})`);
  }

  it('catches a forged ballot with a fitting hash inserted among the chained events', async () => {
    // Between the second and the third ballot, in the transaction of the second: a place in `$all` the chain already covers.
    const [xid, gp] = (await positionOf('Ballot-r1_b', 0)).split('/');
    await forge({ xid: xid!, after: String(BigInt(gp!) + 1_000_000n) });
    expect(await breaks()).toEqual([expect.objectContaining({ problem: 'event-inserted', streamName: 'Ballot-r1_forged', revision: '0', position: `${xid}/${BigInt(gp!) + 1_000_000n}`, link: 0 })]);
  });

  it('catches a forged online ballot appended after the box closed', async () => {
    await forge('end');
    // Even once the chain has taken it in.
    await chain();
    expect(await breaks()).toEqual([expect.objectContaining({ problem: 'ballot-after-close', streamName: 'Ballot-r1_forged', revision: '0' })]);
  });

  it('catches a ballot rewritten with its hash recomputed, and a store rewritten chain and all through the published head', async () => {
    const published = (await verifyStore(db.store)).storeChain.head!.digest;
    const [row] = await db.sql.query<{ data: Record<string, unknown>; metadata: Record<string, unknown> }>(`SELECT data, metadata FROM ${db.schema}.${events} WHERE stream_id = 'Ballot-r1_a'`);
    const data = { ...row!.data, content: { type: 'approval', choices: ['p2'] } };
    const metadata = { ...row!.metadata, [HASH_KEY]: eventHash('Ballot-r1_a', 'BallotCast', data, row!.metadata, GENESIS_HASH) };
    await db.sql.query(`UPDATE ${db.schema}.${events} SET data = $1::jsonb, metadata = $2::jsonb WHERE stream_id = 'Ballot-r1_a'`, [JSON.stringify(data), JSON.stringify(metadata)]);
    const position = await positionOf('Ballot-r1_a', 0);
    expect(await breaks()).toEqual([expect.objectContaining({ problem: 'event-rewritten', streamName: 'Ballot-r1_a', revision: '0', position })]);

    // The chain rewritten as well: nothing inside the store objects any more, the head published outside it does.
    await db.sql.exec(`DELETE FROM ${db.schema}.${events} WHERE stream_id = '${STORE_CHAIN_STREAM}'`);
    await db.sql.exec(`DELETE FROM ${db.schema}.streams WHERE stream_id = '${STORE_CHAIN_STREAM}'`);
    await chain();
    expect((await verifyStore(db.store)).ok).toBe(true);
    const report = await verifyStore(db.store, { expectHead: published });
    expect(report.breaks).toEqual([expect.objectContaining({ problem: 'published-head-missing', streamName: STORE_CHAIN_STREAM, expected: published })]);
    const { code, out } = await audit(db, 'verify', '--expect-head', published);
    expect(code).toBe(1);
    expect(out).toContain('published-head-missing');
    // Checking one round against the published head fails the same way (the head is the whole store's, not a stream's).
    expect((await verifyStore(db.store, { roundId: 'r1', expectHead: published })).breaks).toEqual([expect.objectContaining({ problem: 'published-head-missing', streamName: STORE_CHAIN_STREAM })]);
    expect((await audit(db, 'verify', '--round', 'r1', '--expect-head', published)).code).toBe(1);
  });
});
