import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Decider, handleCommand } from '@lib/es';
import { ENGLISH_IN_DUTCH } from '@lib/audit';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../test/support/sql-store.js';
import { anAuditedRound, audit, TENANT } from './testing/audited-round.js';

type Fact = { type: string; data: Record<string, unknown> };
/** Appends the events it is given, chained like any command's. */
const facts: Decider<Fact[], null, Fact> = { initialState: () => null, evolve: () => null, decide: (given) => given };

/** The report of a round as Markdown, Dutch or English. */
async function report(db: TestSqlStore, roundId: string, lang: 'nl' | 'en' = 'nl'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'audit-record-'));
  try {
    const { code, out } = await audit(db.store, ['report', '--round', roundId, '--out', dir, '--lang', lang, '--json']);
    expect(code).toBe(0);
    return await readFile((JSON.parse(out) as { markdown: string }).markdown, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What the Dutch record says outside its commands and identifiers (the record's own test does the same). */
const prose = (markdown: string) =>
  markdown
    .replace(/```sh[\s\S]*?```/g, '')
    .replace(/\b[A-Z][A-Za-z]+-[0-9a-f-]+(?:_[0-9a-f]+)?(?:@\d+)?/g, '')
    .replace(/npm run [^)|\n]*/g, '');

describe('the proces-verbaal of a cancelled round, and of beschikkingen after their deadline', () => {
  let db: TestSqlStore;

  beforeAll(async () => {
    db = await openTestSqlStore();
  });
  afterAll(async () => {
    await db.cleanup();
    await closeSharedPglite();
  });

  it('gives a cancelled round a section of its own: when, in which role, from which phase, under which decision, why', async () => {
    const round = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    const decision = { body: 'college', number: 'B&W 2026/140', date: '2026-06-05' };
    await round.command({ type: 'CancelRound', data: { roundId: round.roundId, reason: 'Onregelmatigheden bij het stemmen', decision } }, 'Onregelmatigheden bij het stemmen');
    const nl = await report(db, round.roundId);
    const section = nl.slice(nl.indexOf('## Annulering van de ronde'), nl.indexOf('## 1. Kader'));
    expect(section).toMatch(/^- Geannuleerd op \d+ mei 2026 om \d\d:\d\d, vastgelegd door een beheerder$/m);
    expect(section).toContain('- In de fase: vaststellen\n');
    expect(section).toContain('- Besluit: college van burgemeester en wethouders B&W 2026/140 van 5 juni 2026\n');
    expect(section).toContain('- Reden: Onregelmatigheden bij het stemmen\n');
    // The person stays in the history; the section names the role only.
    expect(section).not.toContain('staff-1');
    expect(nl).toContain('| Ronde geannuleerd | college van burgemeester en wethouders B&W 2026/140 | 5 juni 2026 |');
    expect(ENGLISH_IN_DUTCH.filter((english) => new RegExp(`(^|[^\\p{L}])${english}([^\\p{L}]|$)`, 'iu').test(prose(nl)))).toEqual([]);

    const en = await report(db, round.roundId, 'en');
    expect(en).toContain('## Cancellation of the round');
    expect(en).toMatch(/^- Cancelled on \d+ May 2026 at \d\d:\d\d, recorded in the role of administrator$/m);
    expect(en).toContain('- Decision: board of mayor and aldermen B&W 2026/140 of 5 June 2026\n');
    // A round that was not cancelled has no such section.
    const other = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    expect(await report(db, other.roundId)).not.toContain('Annulering');
  });

  it('marks the record provisional (voorlopig) until the result is adopted, and a cancelled round\'s record not', async () => {
    const round = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    const before = await report(db, round.roundId);
    expect(before).toContain('- Status: VOORLOPIG. De uitslag is nog niet vastgesteld; dit proces-verbaal geeft de stand op het moment van opmaken, met de zegels die de ronde dan heeft\n');
    expect(before).toContain('alleen uit de opslag van gebeurtenissen (npm run audit -- report)');
    expect(await report(db, round.roundId, 'en')).toContain('- Status: PROVISIONAL. The result has not been adopted yet;');
    await round.command({ type: 'AdoptResult', data: { roundId: round.roundId, decision: null, reason: 'Uitslag vastgesteld' } }, 'Uitslag vastgesteld');
    expect(await report(db, round.roundId)).not.toContain('VOORLOPIG');

    const cancelled = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    await cancelled.command({ type: 'CancelRound', data: { roundId: cancelled.roundId, reason: 'Onregelmatigheden bij het stemmen', decision: { body: 'college', number: 'B&W 2026/141', date: '2026-06-05' } } }, 'Onregelmatigheden bij het stemmen');
    expect(await report(db, cancelled.roundId)).not.toContain('VOORLOPIG');
  });

  it('marks a grant or refusal decided after its statutory deadline (Awb 4:17), in the history and in a list of its own', async () => {
    const round = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    const late = randomUUID();
    const inTime = randomUUID();
    const context = (at: string) => ({ actor: 'staff-2', role: 'official', tenant: TENANT, correlationId: randomUUID(), now: new Date(at) });
    const plan = async (proposalId: string, decided: Fact, at: string) => {
      await handleCommand(db.store, `Proposal-${proposalId}`, facts, [{ type: 'ProposalSubmitted', data: { proposalId, roundId: round.roundId, title: 'Buurtmoestuin' } }], context('2026-03-01T09:00:00.000Z'), { newId: randomUUID });
      await handleCommand(db.store, `Proposal-${proposalId}`, facts, [decided], context(at), { newId: randomUUID, streamMustExist: true });
    };
    await plan(late, { type: 'ProposalGranted', data: { proposalId: late, amountCents: 250_000, decisionReference: 'Z/26/LAAT', decisionDate: '2026-05-04', reason: 'Past in de regeling', at: '2026-05-04T10:00:00.000Z', decidedAfterDeadline: '2026-04-28T21:59:59.999Z' } }, '2026-05-04T10:00:00.000Z');
    await plan(inTime, { type: 'ProposalGrantRefused', data: { proposalId: inTime, decisionReference: 'Z/26/OP-TIJD', decisionDate: '2026-04-10', reason: 'Buiten de regeling', at: '2026-04-10T10:00:00.000Z' } }, '2026-04-10T10:00:00.000Z');

    const nl = await report(db, round.roundId);
    expect(nl).toMatch(new RegExp(`\\| Subsidie verleend, na afloop van de beslistermijn \\(28 april 2026 om 23:59; art\\. 4:17 Awb\\) \\| Proposal-${late}@1 \\|`));
    expect(nl).toMatch(new RegExp(`\\| Subsidie geweigerd \\| Proposal-${inTime}@1 \\|`));
    expect(nl).toContain('Beschikkingen gegeven na afloop van de wettelijke beslistermijn (1; art. 4:17 Awb, dwangsom bij niet tijdig beslissen):');
    expect(nl).toContain(`- Proposal-${late}: Subsidie verleend op 4 mei 2026 om 12:00 (Z/26/LAAT), termijn verstreken op 28 april 2026 om 23:59`);
    expect(nl).not.toContain(`- Proposal-${inTime}:`);
    expect(ENGLISH_IN_DUTCH.filter((english) => new RegExp(`(^|[^\\p{L}])${english}([^\\p{L}]|$)`, 'iu').test(prose(nl)))).toEqual([]);

    const en = await report(db, round.roundId, 'en');
    expect(en).toContain('| Grant awarded, after the statutory decision term (28 April 2026 at 23:59; Awb 4:17) |');
    expect(en).toContain(`- Proposal-${late}: Grant awarded on 4 May 2026 at 12:00 (Z/26/LAAT), term ended on 28 April 2026 at 23:59`);
  });
});
