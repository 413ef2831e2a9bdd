import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ROUND_SEALED, verifyStore } from '@lib/audit';
import { type CommandContext, computeRoundSeal, type Decider, handleCommand } from '@lib/es';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../test/support/sql-store.js';
import { runAudit } from './audit-cli.js';

type Fact = { type: string; data: Record<string, unknown> };
/** A decider that records whatever it is told: the audit only cares about what was stored. */
const recorder: Decider<Fact[], null, Fact> = { initialState: () => null, evolve: () => null, decide: (facts) => facts };

const context: CommandContext = { actor: 'staff-7', role: 'administrator', tenant: 'GM0363', correlationId: 'c-1', now: new Date('2026-04-01T09:00:00Z') };
let n = 0;
const newId = () => `10000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

async function record(db: TestSqlStore, stream: string, facts: Fact[], reason?: string) {
  await handleCommand(db.store, stream, recorder, facts, { ...context, reason }, { newId });
}

async function seal(db: TestSqlStore, roundId: string) {
  const s = await computeRoundSeal(db.store, roundId);
  await record(db, `Round-${roundId}`, [{ type: ROUND_SEALED, data: { ...s } }]);
}

async function audit(db: TestSqlStore, ...argv: string[]) {
  let out = '';
  const code = await runAudit({ argv, store: db.store, out: (t) => (out += t), err: (t) => (out += t), progress: false });
  return { code, out };
}

describe('audit verify against a SQL store tampered with directly', () => {
  let db: TestSqlStore;
  beforeEach(async () => {
    db = await openTestSqlStore();
    await record(db, 'Round-r1', [{ type: 'RoundPlanned', data: { roundId: 'r1', budgetId: 'b1' } }]);
    await record(db, 'Proposal-p1', [{ type: 'ProposalSubmitted', data: { roundId: 'r1', title: 'Speeltuin', costCents: 1_500_000 } }]);
    await record(db, 'Proposal-p1', [{ type: 'ProposalAmended', data: { version: 2, costCents: 1_400_000 } }]);
    await record(db, 'Round-r1', [{ type: 'VotingOpened', data: { decisionReference: 'B&W 2026/114' } }], 'kaders vastgesteld');
    await seal(db, 'r1');
    await record(db, 'Proposal-p1', [{ type: 'ProposalSelected', data: { rank: 1 } }]);
    await record(db, 'Proposal-p2', [{ type: 'ProposalSubmitted', data: { roundId: 'r2', title: 'Bankjes' } }]);
  });
  afterEach(async () => {
    await db.cleanup();
  });
  afterAll(closeSharedPglite);

  const events = `${'"events"'}`;

  it('passes an untouched store, and the round alone', async () => {
    expect(await verifyStore(db.store)).toMatchObject({ ok: true, streams: 3, events: 7, seals: 1 });
    expect(await verifyStore(db.store, { roundId: 'r1' })).toMatchObject({ ok: true, streams: 2, events: 6, seals: 1 });
    const { code, out } = await audit(db, 'verify');
    expect(code).toBe(0);
    expect(out).toBe('OK: the whole store: 7 events in 3 streams, 1 seals verified\nstore-wide chain: no link yet (7 event(s) not chained yet)\n');
  });

  it('catches one byte of one event\'s data changed, and names it', async () => {
    await db.sql.exec(`UPDATE ${db.schema}.${events} SET data = jsonb_set(data, '{costCents}', '1400001') WHERE stream_id = 'Proposal-p1' AND revision = 1`);
    const { code, out } = await audit(db, 'verify', '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as { ok: boolean; breaks: { streamName: string; revision: string; problem: string; eventId: string }[] };
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([expect.objectContaining({ streamName: 'Proposal-p1', revision: '1', problem: 'hash-mismatch', eventId: '10000000-0000-4000-8000-' + String(n - 4).padStart(12, '0') })]);
  });

  it('with --round, recomputes the hashes of the round\'s streams, a stream that joined it late included, and reports no other round\'s', async () => {
    // A budget whose frame is frozen for the round: it joins r1 with its second event.
    await record(db, 'Budget-b1', [{ type: 'BudgetEstablished', data: { budgetId: 'b1', title: 'Wijkbudget' } }]);
    await record(db, 'Budget-b1', [{ type: 'FrameVersionFrozen', data: { budgetId: 'b1', roundId: 'r1', version: 1 } }]);
    await db.sql.exec(`UPDATE ${db.schema}.${events} SET data = jsonb_set(data, '{title}', '"Wijkbudget!"') WHERE stream_id = 'Budget-b1' AND revision = 0`);
    await db.sql.exec(`UPDATE ${db.schema}.${events} SET data = jsonb_set(data, '{title}', '"Bankjes!"') WHERE stream_id = 'Proposal-p2' AND revision = 0`);
    await db.sql.exec(`UPDATE ${db.schema}.${events} SET data = jsonb_set(data, '{costCents}', '1400001') WHERE stream_id = 'Proposal-p1' AND revision = 1`);
    const whole = await verifyStore(db.store);
    expect(whole.breaks.map((b) => [b.streamName, (b as { problem: string }).problem])).toEqual(
      expect.arrayContaining([
        ['Budget-b1', 'hash-mismatch'],
        ['Proposal-p2', 'hash-mismatch'],
        ['Proposal-p1', 'hash-mismatch'],
      ]),
    );
    const round = await verifyStore(db.store, { roundId: 'r1' });
    expect(round).toMatchObject({ ok: false, streams: 3, events: 8, seals: 1 });
    expect(round.breaks).toEqual([
      expect.objectContaining({ streamName: 'Proposal-p1', revision: 1n, problem: 'hash-mismatch' }),
      expect.objectContaining({ streamName: 'Budget-b1', revision: 0n, problem: 'hash-mismatch' }),
    ]);
    // A stream that joins the round after its streams were listed (here: the listing leaves the budget out) is still followed.
    const listedEarlier = Object.create(db.store) as typeof db.store;
    listedEarlier.roundStreamTips = async (roundId, options) => {
      const tips = await db.store.roundStreamTips(roundId, options);
      return { ...tips, streams: tips.streams.filter((tip) => tip.streamName !== 'Budget-b1') };
    };
    expect((await verifyStore(listedEarlier, { roundId: 'r1' })).breaks).toEqual(round.breaks);
  });

  it('catches a deleted event', async () => {
    await db.sql.exec(`DELETE FROM ${db.schema}.${events} WHERE stream_id = 'Proposal-p1' AND revision = 1`);
    const report = await verifyStore(db.store);
    expect(report.ok).toBe(false);
    expect(report.breaks[0]).toMatchObject({ streamName: 'Proposal-p1', revision: 2n, problem: 'revision-gap' });
  });

  it('catches the last event of a stream deleted, through the seal', async () => {
    await db.sql.exec(`DELETE FROM ${db.schema}.${events} WHERE stream_id = 'Proposal-p1' AND revision = 2`);
    await db.sql.exec(`DELETE FROM ${db.schema}.${events} WHERE stream_id = 'Proposal-p1' AND revision = 1`);
    const report = await verifyStore(db.store);
    expect(report.breaks).toEqual([expect.objectContaining({ streamName: 'Round-r1', revision: 2n, problem: 'seal-mismatch' })]);
    const { code, out } = await audit(db, 'verify', '--round', 'r1');
    expect(code).toBe(1);
    expect(out).toContain('BROKEN: Round-r1 revision 2');
    expect(out).toContain('seal-mismatch');
  });

  it('catches two events swapped', async () => {
    await db.sql.exec(`
      UPDATE ${db.schema}.${events} e SET event_type = o.event_type, data = o.data, metadata = o.metadata
      FROM ${db.schema}.${events} o
      WHERE e.stream_id = 'Proposal-p1' AND o.stream_id = 'Proposal-p1' AND e.revision IN (1, 2) AND o.revision = 3 - e.revision`);
    const report = await verifyStore(db.store);
    expect(report.breaks[0]).toMatchObject({ streamName: 'Proposal-p1', revision: 1n, problem: 'previous-hash-mismatch' });
  });

  it('catches a stream re-ordered by renumbering its revisions', async () => {
    await db.sql.exec(`
      UPDATE ${db.schema}.${events} SET revision = revision + 100 WHERE stream_id = 'Proposal-p1' AND revision IN (0, 1);
      UPDATE ${db.schema}.${events} SET revision = 0 WHERE stream_id = 'Proposal-p1' AND revision = 101;
      UPDATE ${db.schema}.${events} SET revision = 1 WHERE stream_id = 'Proposal-p1' AND revision = 100;`);
    const report = await verifyStore(db.store);
    expect(report.ok).toBe(false);
    expect(report.breaks[0]).toMatchObject({ streamName: 'Proposal-p1', revision: 1n, problem: 'revision-gap' });
  });

  it('lists the round\'s decisions with who, when, why and the decision reference', async () => {
    const { code, out } = await audit(db, 'history', '--round', 'r1', '--json');
    expect(code).toBe(0);
    const entries = JSON.parse(out) as { type: string; actor: string; reason?: string; decisionReference?: string; at: string }[];
    expect(entries.map((e) => e.type)).toEqual(['RoundPlanned', 'ProposalSubmitted', 'ProposalAmended', 'VotingOpened', 'RoundSealed', 'ProposalSelected']);
    expect(entries[3]).toMatchObject({ actor: 'staff-7', reason: 'kaders vastgesteld', decisionReference: 'B&W 2026/114', at: '2026-04-01T09:00:00.000Z' });
  });
});
