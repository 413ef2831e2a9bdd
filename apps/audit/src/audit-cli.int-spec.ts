import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventHash, GENESIS_HASH, HASH_KEY, PREVIOUS_HASH_KEY } from '@lib/es';
import { parsePosition } from '@lib/event-store';
import { computeRoundSeal, ENGLISH_IN_DUTCH, ROUND_SEALED } from '@lib/audit';
import { openTestReadModels } from '../../../libs/projections/src/testing/read-models.given.js';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../test/support/sql-store.js';
import { anAuditedRound, audit, type AuditedRound } from './testing/audited-round.js';

const EVENTS = '"events"';

describe('audit recount, state and report on Pabulib rounds in a SQL store', () => {
  let db: TestSqlStore;
  let assen: AuditedRound;

  beforeAll(async () => {
    db = await openTestSqlStore();
    assen = await anAuditedRound(db.store, 'Netherlands_Assen_2024.pb');
  });
  afterAll(async () => {
    await db.cleanup();
    await closeSharedPglite();
  });

  it('recounts Assen 2024 from its ballot events with the frozen rule and finds the published result', async () => {
    const { code, out } = await audit(db.store, ['recount', '--round', assen.roundId, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { match: boolean; rule: string; ballots: number; recount: { winners: string[] }; mismatched: string[]; published: { type: string } };
    expect(report).toMatchObject({ match: true, rule: 'equalshares/add1', ballots: 84, mismatched: [], published: { type: 'ResultPublished' } });
    // The file's own `selected` column (Equal Shares with add1, as Assen counted).
    expect([...report.recount.winners].sort()).toEqual(['11', '12', '13', '14', '2', '3', '5', '6', '9']);
    const text = await audit(db.store, ['recount', '--round', assen.roundId]);
    expect(text.out).toContain('MATCH: all 14 plans agree');
  });

  it.each(['Netherlands_Amsterdam_643.pb', 'Netherlands_Amsterdam_588.pb', 'Poland_Gdansk_2020_Rudniki.pb', 'Poland_Warszawa_2017_Aleksandrow.pb', 'Poland_Katowice_2020_Zarzecze.pb'])('recounts %s (another vote type or rule) to the published result', async (file) => {
    const round = await anAuditedRound(db.store, file);
    const { code, out } = await audit(db.store, ['recount', '--round', round.roundId]);
    expect(out).toMatch(/^MATCH: all \d+ plans agree$/m);
    expect(code).toBe(0);
  });

  it('reports a published result altered in the store as a mismatch, naming the plans', async () => {
    const round = await anAuditedRound(db.store, 'Netherlands_Amsterdam_588.pb');
    const dropped = round.winners[0]!;
    const loser = [...round.names.keys()].find((id) => !round.winners.includes(id))!;
    // The administrator swaps a winner for a loser in the stored JSON of ResultPublished.
    const rows = await db.sql.query<{ data: { winners: { proposalId: string; amountCents: number; areaCode: null }[]; explanation: { proposalId: string; selected: boolean }[] } }>(
      `SELECT data FROM ${db.schema}.${EVENTS} WHERE stream_id = $1 AND event_type = 'ResultPublished'`,
      [`Round-${round.roundId}`],
    );
    const data = rows[0]!.data;
    data.winners = data.winners.map((w) => (w.proposalId === dropped ? { ...w, proposalId: loser } : w));
    data.explanation = data.explanation.map((o) => (o.proposalId === dropped ? { ...o, selected: false } : o.proposalId === loser ? { ...o, selected: true } : o));
    await db.sql.query(`UPDATE ${db.schema}.${EVENTS} SET data = $2::jsonb WHERE stream_id = $1 AND event_type = 'ResultPublished'`, [`Round-${round.roundId}`, JSON.stringify(data)]);

    const { code, out } = await audit(db.store, ['recount', '--round', round.roundId]);
    expect(code).toBe(1);
    expect(out).toContain(`DIFFERS: plan ${dropped}`);
    expect(out).toContain(`DIFFERS: plan ${loser}`);
    expect(out).toContain('MISMATCH: 2 plan(s) differ');
    const json = JSON.parse((await audit(db.store, ['recount', '--round', round.roundId, '--json'])).out) as { match: boolean; mismatched: string[] };
    expect(json.match).toBe(false);
    expect([...json.mismatched].sort()).toEqual([dropped, loser].sort());
    // The chain and the adoption seal catch it too.
    const verify = await audit(db.store, ['verify', '--round', round.roundId]);
    expect(verify.code).toBe(1);
    expect(verify.out).toContain(`BROKEN: Round-${round.roundId} revision`);
  });

  it('shows a round as it stood at a position or a time, folded with its decider', async () => {
    const entries = JSON.parse((await audit(db.store, ['history', '--round', assen.roundId, '--json'])).out) as { type: string; streamName: string; position: string }[];
    const frozen = entries.find((e) => e.type === 'RoundRulesFrozen')!;
    const atFreeze = JSON.parse((await audit(db.store, ['state', '--round', assen.roundId, '--as-of', frozen.position, '--json'])).out) as { revision: string; state: { phase: string; rulesFrozenAt: string | null; result: unknown; history: unknown[] } };
    expect(atFreeze.state).toMatchObject({ phase: 'voting', rulesFrozenAt: assen.at.imported, result: null });
    expect(atFreeze.state.history).toHaveLength(4);

    const imported = JSON.parse((await audit(db.store, ['state', '--round', assen.roundId, '--as-of', assen.at.imported!, '--json'])).out) as { state: { phase: string; result: { winners: { proposalId: string }[] } } };
    expect(imported.state.phase).toBe('counting');
    expect(imported.state.result.winners.map((w) => w.proposalId).sort()).toEqual([...assen.winners].sort());
    const adoption = JSON.parse((await audit(db.store, ['state', '--round', assen.roundId, '--as-of', assen.at.adoption!, '--json'])).out) as { state: { phase: string } };
    expect(adoption.state.phase).toBe('adoption');

    const before = await audit(db.store, ['state', '--round', assen.roundId, '--as-of', '2026-05-20T08:59:59Z']);
    expect(before.code).toBe(0);
    expect(before.out).toContain(`Round-${assen.roundId} as of 2026-05-20T08:59:59Z: did not exist yet`);
    // The box is its phase and frame; the roll is counted from its registrations (the report's turnout, below).
    const box = JSON.parse((await audit(db.store, ['state', '--stream', `BallotBox-${assen.roundId}`, '--as-of', '2030-01-01T00:00:00Z', '--json'])).out) as { state: Record<string, unknown> };
    expect(box.state).toMatchObject({ phase: 'closed', roundId: assen.roundId });
    expect(Object.keys(box.state).sort()).toEqual(['closedAt', 'frame', 'keyDestroyedAt', 'phase', 'roundId']);
    const budget = JSON.parse((await audit(db.store, ['state', '--budget', assen.budgetId, '--as-of', '2030-01-01', '--json'])).out) as { state: { exists: boolean; versions: unknown[] } };
    expect(budget.state).toMatchObject({ exists: true });
    expect(budget.state.versions).toHaveLength(1);

    expect((await audit(db.store, ['state', '--round', assen.roundId, '--as-of', 'yesterday'])).code).toBe(64);
    expect((await audit(db.store, ['state', '--round', assen.roundId, '--plan', 'x', '--as-of', '2030-01-01'])).code).toBe(64);
    expect((await audit(db.store, ['state', '--round', 'no-such-round', '--as-of', '2030-01-01'])).code).toBe(2);
  });

  it('recounts against the corrected result, and history shows each correction with its reason and decision', async () => {
    // Amsterdam 643 (choose-1, greedy): the count selects 44251; a correction wrongly selects 44250 instead.
    const round = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    expect(round.winners).toEqual(['44251']);
    const counted = await round.countedResult();
    const wrong = { winners: [{ proposalId: '44250', amountCents: 200_000, areaCode: null }], explanation: counted.explanation.map((o) => ({ ...o, selected: o.proposalId === '44250' })) };
    const first = { body: 'college', number: 'B&W 2026/120', date: '2026-06-03' };
    await round.command({ type: 'CorrectResult', data: { roundId: round.roundId, ...wrong, reason: 'Bezwaar toegekend', decision: first } }, 'Bezwaar toegekend');
    const mismatch = await audit(db.store, ['recount', '--round', round.roundId]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.out).toContain('Compared with the corrected result (correction 1');
    expect(mismatch.out).toContain('DIFFERS: plan 44250 (Gratis bokszakken in de buurt): in the published result, not selected by the recount');
    expect(mismatch.out).toContain('MISMATCH: 2 plan(s) differ: 44251, 44250');

    const second = { body: 'council', number: 'RB 2026/77', date: '2026-06-10' };
    await round.command({ type: 'CorrectResult', data: { roundId: round.roundId, ...counted, reason: 'Telfout hersteld: de telling geldt', decision: second } }, 'Telfout hersteld: de telling geldt');
    const corrected = await audit(db.store, ['recount', '--round', round.roundId]);
    expect(corrected.code).toBe(0);
    expect(corrected.out).toContain('Compared with the corrected result (correction 2');
    expect(corrected.out).toContain('MATCH: all 3 plans agree');

    const entries = JSON.parse((await audit(db.store, ['history', '--round', round.roundId, '--json'])).out) as { type: string; reason?: string; decisionReference?: string; actor: string }[];
    expect(entries.filter((e) => e.type === 'ResultCorrected')).toEqual([
      expect.objectContaining({ actor: 'staff-1', reason: 'Bezwaar toegekend', decisionReference: 'college B&W 2026/120 2026-06-03' }),
      expect.objectContaining({ actor: 'staff-1', reason: 'Telfout hersteld: de telling geldt', decisionReference: 'council RB 2026/77 2026-06-10' }),
    ]);
    const readable = await audit(db.store, ['history', '--round', round.roundId]);
    expect(readable.out).toMatch(/ResultCorrected {2}Round-\S+ {2}\[council RB 2026\/77 2026-06-10\] {2}— Telfout hersteld: de telling geldt/);
    expect((await audit(db.store, ['verify', '--round', round.roundId])).code).toBe(0);
  });

  it('writes the proces-verbaal as Markdown and PDF with the frame, decisions, turnout, winners, seals and the commands to check them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-report-'));
    try {
      const { code, out } = await audit(db.store, ['report', '--round', assen.roundId, '--out', dir, '--json']);
      expect(code).toBe(0);
      const written = JSON.parse(out) as { markdown: string; pdf: string; ok: boolean; seals: number };
      expect(written).toMatchObject({ ok: true, seals: 6 });
      const seals = JSON.parse((await audit(db.store, ['seal', '--round', assen.roundId, '--json'])).out) as { digest: string };

      const markdown = await readFile(written.markdown, 'utf8');
      expect(markdown).toContain('# Proces-verbaal: Assen Top Idee');
      expect(markdown).toContain('Telregel: Equal Shares met aanvulling (add1)');
      expect(markdown).toContain('Bij gelijke stand: laagste kosten, daarna meeste stemmen, daarna plannummer');
      expect(markdown).toContain('84 geldige stemmen van 84 stemgerechtigden (100,0%); 84 deelnemers geregistreerd.');
      for (const winner of assen.winners) expect(markdown).toContain(`| ${assen.names.get(winner)} (${winner}) |`);
      expect(markdown).toContain('PopUp Podium');
      expect(markdown).toContain('| Kader vastgesteld | college van burgemeester en wethouders pabulib:Netherlands/Assen/2024 | 20 mei 2026 |');
      expect(markdown).toContain('| PopUp Podium (3) | ja | 43 | Gekozen in ronde 1: elke voorstander betaalde hoogstens €\u00a0167,44 |');
      expect(markdown).toMatch(/Zegel 1, 20 mei 2026 om \d\d:\d\d, bij de overgang naar de fase indienen: sha256 [0-9a-f]{64}/);
      expect(markdown).toMatch(/Zegel 5, 20 mei 2026 om \d\d:\d\d, bij de overgang naar de fase tellen: sha256 [0-9a-f]{64}/);
      expect(markdown).toContain(`bij de overgang naar de fase vaststellen: sha256 ${seals.digest}`);
      expect(markdown).toContain(`npm run --silent audit -- verify --round ${assen.roundId} --expect-seal ${seals.digest}`);
      // Exactly the seals the round stream holds, in order, each with the command that checks it (digest and the head it fixed).
      const stored = (await db.store.readStream(`Round-${assen.roundId}`)).filter((e) => e.type === ROUND_SEALED).map((e) => e.data as { digest: string; upTo: string; storeChain?: { link: number; digest: string; upTo: string } });
      expect(stored).toHaveLength(6);
      const listed = [...markdown.matchAll(/^- Zegel (\d+), .+?: sha256 ([0-9a-f]{64}) over \d+ gebeurtenissen in \d+ stromen tot positie (\S+); klopt nog(?:; keten van de hele opslag: schakel (\d+), sha256 ([0-9a-f]{64}) tot positie (\S+))?$/gm)];
      expect(listed.map((m) => [Number(m[1]), m[2], m[3], m[5] ?? null])).toEqual(stored.map((s, i) => [i + 1, s.digest, s.upTo, s.storeChain?.digest ?? null]));
      const checks = stored.map((s) => `npm run --silent audit -- verify --round ${assen.roundId} --expect-seal ${s.digest}${s.storeChain ? ` --expect-head ${s.storeChain.digest}` : ''}`);
      expect(markdown).toContain(['```sh', ...checks, '```'].join('\n'));
      // The first seal's command, run as printed, passes.
      const withHead = stored.find((s) => s.storeChain)!;
      expect(stored[0]!.storeChain).toBeDefined();
      expect((await audit(db.store, ['verify', '--round', assen.roundId, '--expect-seal', withHead.digest, '--expect-head', withHead.storeChain!.digest])).code).toBe(0);
      expect(markdown).toContain('de uitkomst komt plan voor plan overeen');

      const pdf = await readFile(written.pdf);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
      const pageCount = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
      expect(pageCount).toBeGreaterThanOrEqual(2);
      const text = pdfText(pdf);
      expect(text).toContain('Proces-verbaal: Assen Top Idee');
      expect(text).toContain('PopUp Podium');
      expect(text).toContain(seals.digest);
      if (pdftotext) {
        const extracted = spawnSync(pdftotext, [written.pdf, '-'], { encoding: 'utf8' }).stdout;
        expect(extracted).toContain('PopUp Podium');
        expect(extracted).toContain(seals.digest);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes the proces-verbaal in Dutch throughout: no English word outside the commands and identifiers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-report-'));
    try {
      const { out } = await audit(db.store, ['report', '--round', assen.roundId, '--out', dir, '--json']);
      const markdown = await readFile((JSON.parse(out) as { markdown: string }).markdown, 'utf8');
      // The commands to run and the identifiers a reader copies (stream names, positions, digests) stay as they are.
      const prose = markdown
        .replace(/```sh[\s\S]*?```/g, '')
        .replace(/\b[A-Z][A-Za-z]+-[0-9a-f-]+(?:_[0-9a-f]+)?(?:@\d+)?/g, '')
        .replace(/npm run [^)|\n]*/g, '');
      const found = ENGLISH_IN_DUTCH.filter((english) => new RegExp(`(^|[^\\p{L}])${english}([^\\p{L}]|$)`, 'iu').test(prose));
      expect(found).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('dates each decision by the day the council or college took it, and writes the English version on request', async () => {
    const round = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    const counted = await round.countedResult();
    const decision = { body: 'college', number: 'B&W 2026/131', date: '2026-06-03' };
    await round.command({ type: 'CorrectResult', data: { roundId: round.roundId, ...counted, reason: 'Bezwaar gegrond verklaard', decision } }, 'Bezwaar gegrond verklaard');
    const dir = await mkdtemp(join(tmpdir(), 'audit-report-'));
    try {
      const dutch = JSON.parse((await audit(db.store, ['report', '--round', round.roundId, '--out', dir, '--json'])).out) as { markdown: string; pdf: string };
      expect(dutch.markdown).toBe(join(dir, `proces-verbaal-${round.roundId}.md`));
      const nl = await readFile(dutch.markdown, 'utf8');
      const recorded = /\| Uitslag gecorrigeerd \(1\) \| college van burgemeester en wethouders B&W 2026\/131 \| 3 juni 2026 \| (.+?) \| Bezwaar gegrond verklaard \|/.exec(nl);
      expect(recorded).not.toBeNull();
      // Entered later than it was decided: the record shows both days, each in its own column.
      expect(recorded![1]).not.toBe('3 juni 2026');
      expect(nl).toContain('Correctie 1 (');
      expect(nl).toContain('Bezwaar gegrond verklaard [college van burgemeester en wethouders B&W 2026/131 van 3 juni 2026]');

      const { code, out } = await audit(db.store, ['report', '--round', round.roundId, '--out', dir, '--lang', 'en', '--json']);
      expect(code).toBe(0);
      const english = JSON.parse(out) as { markdown: string; pdf: string };
      expect(english.markdown).toBe(join(dir, `proces-verbaal-${round.roundId}.en.md`));
      expect(english.pdf).toBe(join(dir, `proces-verbaal-${round.roundId}.en.pdf`));
      const en = await readFile(english.markdown, 'utf8');
      expect(en).toContain('# Official record (proces-verbaal): ');
      expect(en).toContain('On a tie: ');
      expect(en).toContain('| Result corrected (1) | board of mayor and aldermen B&W 2026/131 | 3 June 2026 |');
      expect(en).toContain('## 5. Seals');
      for (const dutchWord of ['Gekozen', 'Uitslag', 'Zegel', 'Telregel', 'Stembiljet', 'daarna', 'gemeenteraad']) expect(en).not.toContain(dutchWord);
      expect(pdfText(await readFile(english.pdf))).toContain('Official record');
      // Nothing but nl and en.
      expect((await audit(db.store, ['report', '--round', round.roundId, '--out', dir, '--lang', 'de'])).code).toBe(64);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names greedy-reserve in the proces-verbaal with its percentage, and recounts a Poznań round to its published result', async () => {
    const round = await anAuditedRound(db.store, 'Poland_Poznan_2026_13_-_Jezyce_Sw.Lazarz__small.pb');
    const recount = await audit(db.store, ['recount', '--round', round.roundId]);
    expect(recount.out).toMatch(/^MATCH: all 4 plans agree$/m);
    const dir = await mkdtemp(join(tmpdir(), 'audit-report-'));
    try {
      const { out } = await audit(db.store, ['report', '--round', round.roundId, '--out', dir, '--json']);
      const markdown = await readFile((JSON.parse(out) as { markdown: string }).markdown, 'utf8');
      expect(markdown).toContain(
        'Telregel: meeste stemmen eerst zonder overslaan, aangevuld uit de reserve (het plan waar de telling stopt), aanvulling als het restant minstens 80% van het plan dekt (reserve naast het budget zonder vast bedrag)',
      );
      expect(markdown).toContain('Uit de reserve naast het budget betaald: 0 (in telleenheden van 100 cent); dat bedrag telt niet mee in het budget.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('recounts a plan topped up from the reserve to the budget\'s part it was published with', async () => {
    // b (60) is reached with 50 left, 83% of its cost: the budget pays 50, the reserve 10.
    const text = [
      'META', 'key;value', 'description;Poznań reserve case', 'country;Poland', 'unit;Poznań', 'instance;2026', 'num_projects;3', 'num_votes;6',
      'budget;100', 'vote_type;choose-1', 'rule;greedy-custom', 'currency;PLN',
      'PROJECTS', 'project_id;cost;votes;name;selected', 'a;50;3;A;1', 'b;60;2;B;2', 'c;10;1;C;0',
      'VOTES', 'voter_id;vote', '1;a', '2;a', '3;a', '4;b', '5;b', '6;c',
    ].join('\n');
    const round = await anAuditedRound(db.store, 'Poznań reserve case', { text });
    expect((await round.countedResult()).winners).toEqual([
      { proposalId: 'a', amountCents: 5000, areaCode: null },
      { proposalId: 'b', amountCents: 5000, areaCode: null },
    ]);
    const { code, out } = await audit(db.store, ['recount', '--round', round.roundId, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ match: true, rule: 'greedy-reserve', recount: { winners: ['a', 'b'], cost: '110', budget: '100', reserveUsed: '10' }, mismatched: [] });
    const printed = await audit(db.store, ['recount', '--round', round.roundId]);
    expect(printed.out).toContain('Recounted winners: a, b (cost 110 of 100 PLN, 10 of it paid from the reserve beside the budget)');
  });

  it('catches an administrator who rewrote a result and recomputed every hash and seal, through the digest the council published', async () => {
    const round = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    const published = JSON.parse((await audit(db.store, ['seal', '--round', round.roundId, '--json'])).out) as { digest: string; instructions: string };
    expect(published.instructions).toContain(`verify --round ${round.roundId} --expect-seal ${published.digest}`);
    const ok = await audit(db.store, ['verify', '--round', round.roundId, '--expect-seal', published.digest]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`SEAL OK: the published digest ${published.digest} is the round's latest seal`);
    expect((await audit(db.store, ['verify', '--round', round.roundId, '--expect-seal', 'ab'.repeat(32)])).code).toBe(1);

    // Rewrite Round-<id>: another winner, every hash and every seal recomputed in order.
    const stream = `Round-${round.roundId}`;
    let previous = GENESIS_HASH;
    for (const event of await db.store.readStream(stream)) {
      let data = event.data as Record<string, unknown>;
      if (event.type === 'ResultPublished') {
        data = { ...data, winners: [{ proposalId: '44250', amountCents: 200_000, areaCode: null }], explanation: (data.explanation as { proposalId: string }[]).map((o) => ({ ...o, selected: o.proposalId === '44250' })) };
      }
      if (event.type === ROUND_SEALED) data = { ...data, ...(await computeRoundSeal(db.store, round.roundId, { upTo: parsePosition(String(data.upTo)) })) };
      const metadata: Record<string, unknown> = { ...event.metadata, [PREVIOUS_HASH_KEY]: previous };
      metadata[HASH_KEY] = eventHash(stream, event.type, data, metadata, previous);
      previous = metadata[HASH_KEY] as string;
      await db.sql.query(`UPDATE ${db.schema}.${EVENTS} SET data = $3::jsonb, metadata = $4::jsonb WHERE stream_id = $1 AND revision = $2`, [stream, event.revision.toString(), JSON.stringify(data), JSON.stringify(metadata)]);
    }
    expect((await audit(db.store, ['verify', '--round', round.roundId])).code).toBe(0);
    const caught = await audit(db.store, ['verify', '--round', round.roundId, '--expect-seal', published.digest]);
    expect(caught.code).toBe(1);
    expect(caught.out).toContain(`SEAL DIFFERS: the published digest ${published.digest}: none of the round's 6 seal(s) has the published digest`);
    const json = JSON.parse((await audit(db.store, ['verify', '--round', round.roundId, '--expect-seal', published.digest, '--json'])).out) as { ok: boolean; chainsOk: boolean; expectedSeal: { ok: boolean } };
    expect(json).toMatchObject({ ok: false, chainsOk: true, expectedSeal: { ok: false } });
    // The recount still sees through it.
    expect((await audit(db.store, ['recount', '--round', round.roundId])).code).toBe(1);
  });

  it('rebuilds the read models from the store, all or one projection', async () => {
    const readModels = await openTestReadModels();
    try {
      // The CLI closes what it opened; here the test owns the database.
      const open = async () => ({ ...readModels.db, close: async () => undefined });
      const one = await audit(db.store, ['rebuild', '--projection', 'results', '--json'], { readModels: open });
      expect(one.code).toBe(0);
      expect(JSON.parse(one.out)).toMatchObject({ projections: ['results'] });
      expect(JSON.parse(one.out).events).toBeGreaterThan(0);
      const rows = await readModels.db.read((m) => m.query(`SELECT proposal_id FROM ${readModels.db.schema}.result_plan WHERE round_id = $1 AND selected`, [assen.roundId]) as Promise<{ proposal_id: string }[]>);
      expect(rows.map((r) => r.proposal_id).sort()).toEqual([...assen.winners].sort());
      expect((await audit(db.store, ['rebuild', '--projection', 'no-such'], { readModels: open })).code).toBe(64);
    } finally {
      await readModels.cleanup();
    }
  });
});

/** The text pdfkit drew with a standard font: hex strings in TJ arrays of the (deflated) content streams, in WinAnsi. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      content = match[1]!;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      parts.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return parts.join('\n');
}

const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
