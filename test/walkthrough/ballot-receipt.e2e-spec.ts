import { describe, it, expect } from '@jest/globals';
import { Reactors } from '@lib/platform';
import { aPlan, walkthrough } from './support/walkthrough.js';

/**
 * Issue #16, the voter's side of a vote over real HTTP (PostgreSQL with DATABASE_URL, else PGlite):
 * the ballot paper with the frame's ballot rules, cast and replace with a receipt, an assisted
 * ballot, the receipt checked after the close, and "my result" after adoption. Every refusal has its
 * own code and appends nothing.
 */
describe('walk-through: ballot paper, receipt and my result (Equal Shares, minimum spend, theme quota)', () => {
  const walk = walkthrough('2026-01-20T09:00:00.000Z');
  const COLLEGE = { body: 'college', number: 'CB-2026-141', date: '2026-06-23' };
  const criteria = ['max-amount', 'min-amount', 'maintenance', 'one-year', 'public-benefit', 'no-double-funding', 'support'];
  const codes = Array.from({ length: 6 }, (_, i) => `RCPT${String(i + 1).padStart(4, '0')}BBGR`);
  const UNKNOWN_RECEIPT = 'q3Vn0C1mXk2yJm7T0xJ5m2zV4cXl9Y0b6f1d8sKp3aA';

  it('from the ballot paper to which of my plans won and why', async () => {
    const { call, csv, ok, at, admin, reviewer, official, auditor } = walk;
    const events = async () => (await walk.store.readAll({ maxCount: 100_000 })).length;
    /** The call, sent once what earlier steps set off is done, is refused with this status and code, and nothing is appended anywhere. */
    const refused = async (send: () => ReturnType<typeof call>, status: number, code: string) => {
      // What earlier steps set off (the close's key destruction and seal) is done first: only this call is measured.
      expect((await walk.api.app.get(Reactors).caughtUp(20_000)).complete).toBe(true);
      const before = await events();
      const answer = await send();
      expect([answer.status, answer.body.code]).toEqual([status, code]);
      expect(await events()).toBe(before);
      return answer;
    };

    // 1. The frame: approval, at most €100.000 and at least €20.000 of plans per ballot, at most one "groen" plan; Equal Shares.
    const ballotRules = { type: 'approval', minPlans: 1, costCapCents: 10_000_000, minSpendCents: 2_000_000, themeQuotas: [{ theme: 'groen', maxPlans: 1 }] };
    const budget = await ok(
      call('POST', '/budgets', admin, { from: 'stadsdeel-burgerbegroting', decision: { body: 'council', number: 'RB-2026-08', date: '2026-01-15' }, ballot: ballotRules, tally: { rule: 'equalshares', tieBreak: ['most-votes', 'lowest-cost'] } }),
      201,
      ['BudgetEstablished'],
    );
    const budgetId = budget.body.id!;
    const planned = await ok(
      call('POST', '/rounds', admin, { budgetId, year: 2026, schedule: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }, { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' }] }),
      201,
      ['RoundPlanned'],
    );
    const roundId = planned.body.id!;
    const advance = (to: string, extra: Record<string, unknown> = {}) => call('POST', `/rounds/${roundId}/phase-transitions`, admin, { to, reason: `Planning: ${to}`, ...extra });

    // 2. Five plans in Wijk 1, through submission, support, feasibility and admission.
    at('2026-02-01T08:00:00.000Z');
    await ok(advance('submission'), 201);
    at('2026-02-10T10:00:00.000Z');
    const submit = async (title: string, cents: number, theme: string) => (await ok(call('POST', `/rounds/${roundId}/proposals`, admin, aPlan('WIJK-1', title, cents, undefined, theme)), 201)).body.id!;
    const playground = await submit('Speeltuin', 2_000_000, 'spelen');
    const trees = await submit('Bomen', 3_000_000, 'groen');
    const flowers = await submit('Bloemen', 2_500_000, 'groen');
    const benches = await submit('Bankjes', 1_000_000, 'spelen');
    const fountain = await submit('Fontein', 4_500_000, 'water');
    const all = [playground, trees, flowers, benches, fountain];
    // Submission closes on its scheduled day (31 March); only then does the round move on.
    at('2026-04-01T08:00:00.000Z');
    await ok(advance('support'), 201);
    for (const id of all) for (let i = 0; i < 10; i++) await ok(call('POST', `/proposals/${id}/support`, admin, { supporterRef: `ps-${id.slice(0, 8)}-${i}` }), 200);
    await ok(advance('feasibility'), 201);
    for (const id of all) for (const criterionId of criteria) await ok(call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId, outcome: 'met', reason: 'Voldoet' }), 200);
    for (const id of all) await ok(call('POST', `/proposals/${id}/admission`, admin, { admitted: true, reason: 'Alle criteria voldaan' }), 200);

    // 3. Voting opens; the roll has six codes in Wijk 1.
    at('2026-06-01T07:00:00.000Z');
    await ok(advance('voting'), 201);
    await ok(csv(`/rounds/${roundId}/voter-roll`, admin, ['code,area,age_band', ...codes.map((code) => `${code},WIJK-1,25-44`)].join('\n') + '\n'), 201);
    const signIn = async (code: string) => (await ok(call('POST', `/rounds/${roundId}/voter-sessions`, null, { code }), 201)).body.token as string;
    const voters = await Promise.all(codes.map(signIn));

    // 4. The ballot paper: the plans with cost, area (code and name) and theme, and the frame's ballot rules.
    const paper = await ok(call('GET', `/rounds/${roundId}/ballot-paper`, voters[0]!), 200);
    expect(paper.body).toEqual({
      roundId,
      phase: 'open',
      frameVersion: 1,
      type: 'approval',
      rules: { minPlans: 1, maxPlans: null, costCapCents: 10_000_000, minSpendCents: 2_000_000, points: null, rankingLength: null, themeQuotas: [{ theme: 'groen', minPlans: null, maxPlans: 1 }] },
      budgetCents: 30_000_000,
      currency: 'EUR',
      plans: [
        { id: playground, title: 'Speeltuin', costCents: 2_000_000, area: { code: 'WIJK-1', name: 'Wijk 1' }, theme: 'spelen' },
        { id: trees, title: 'Bomen', costCents: 3_000_000, area: { code: 'WIJK-1', name: 'Wijk 1' }, theme: 'groen' },
        { id: flowers, title: 'Bloemen', costCents: 2_500_000, area: { code: 'WIJK-1', name: 'Wijk 1' }, theme: 'groen' },
        { id: benches, title: 'Bankjes', costCents: 1_000_000, area: { code: 'WIJK-1', name: 'Wijk 1' }, theme: 'spelen' },
        { id: fountain, title: 'Fontein', costCents: 4_500_000, area: { code: 'WIJK-1', name: 'Wijk 1' }, theme: 'water' },
      ],
    });
    expect((await call('GET', `/rounds/${roundId}/ballot-paper`, auditor)).status).toBe(403);

    // 5. The rules hold at cast, each breach with its own code, nothing appended.
    const cast = (token: string, choices: string[]) => call('POST', `/rounds/${roundId}/ballots`, token, { type: 'approval', choices });
    await refused(() => cast(voters[0]!, [benches]), 400, 'BALLOT.MIN_SPEND_NOT_MET');
    await refused(() => cast(voters[0]!, [trees, flowers]), 400, 'BALLOT.THEME_QUOTA_EXCEEDED');
    await refused(() => call('POST', `/rounds/${roundId}/assisted-ballots`, official, { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', ballot: { type: 'approval', choices: [fountain] } }), 403, 'BALLOT.UNKNOWN_CODE');
    await refused(() => call('POST', `/rounds/${roundId}/assisted-ballots`, official, { code: codes[5], ballot: { type: 'approval', choices: [benches] } }), 400, 'BALLOT.MIN_SPEND_NOT_MET');

    // 6. Casting gives a receipt once; the event keeps only its digest. Replacing gives a new one.
    const first = await ok(cast(voters[0]!, [playground, trees]), 201, ['BallotCast']);
    const firstReceipt = first.body.receipt as string;
    expect(firstReceipt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await refused(() => call('PUT', `/rounds/${roundId}/ballots/mine`, voters[0]!, { type: 'approval', choices: [trees, flowers] }, { 'if-match': first.etag! }), 400, 'BALLOT.THEME_QUOTA_EXCEEDED');
    const replaced = await ok(call('PUT', `/rounds/${roundId}/ballots/mine`, voters[0]!, { type: 'approval', choices: [playground, flowers] }, { 'if-match': first.etag! }), 200, ['BallotReplaced']);
    const receipt = replaced.body.receipt as string;
    expect(receipt).not.toBe(firstReceipt);
    for (const token of voters.slice(1, 4)) await ok(cast(token, [playground, trees]), 201, ['BallotCast']);
    const fourth = await ok(cast(voters[4]!, [fountain, benches]), 201, ['BallotCast']);

    // 7. An official casts for the sixth voter, who is present with their code: channel `assisted`, the same receipt.
    const assisted = await ok(call('POST', `/rounds/${roundId}/assisted-ballots`, official, { code: codes[5], ballot: { type: 'approval', choices: [fountain] } }), 201, ['BallotCast']);
    const assistedReceipt = assisted.body.receipt as string;
    await refused(() => call('POST', `/rounds/${roundId}/assisted-ballots`, official, { code: codes[5], ballot: { type: 'approval', choices: [fountain] } }), 409, 'BALLOT.ALREADY_CAST');
    const ballots = await walk.store.readAll({ maxCount: 10_000, filter: { streamPrefixes: [`Ballot-${roundId}_`] } });
    expect(ballots).toHaveLength(7);
    expect(ballots.map((b) => b.data.channel)).toEqual(['online', 'online', 'online', 'online', 'online', 'online', 'assisted']);
    expect(ballots.every((b) => b.metadata.actor === 'voter' && /^[0-9a-f]{64}$/.test(b.data.receiptDigest as string))).toBe(true);
    expect(ballots.at(-1)!.metadata.role).toBe('official');
    // No receipt is stored anywhere, in any event.
    const everything = JSON.stringify((await walk.store.readAll({ maxCount: 100_000 })).map((e) => [e.data, e.metadata]));
    for (const secret of [firstReceipt, receipt, fourth.body.receipt as string, assistedReceipt]) expect(everything).not.toContain(secret);

    // 8. Before the close a receipt says nothing.
    const check = (r: string) => call('GET', `/rounds/${roundId}/receipts/${r}`, null);
    const myResult = (r: string) => call('GET', `/rounds/${roundId}/receipts/${r}/result`, null);
    await refused(() => check(receipt), 409, 'RECEIPT.VOTING_OPEN');
    await refused(() => check('not-a-receipt'), 400, 'RECEIPT.MALFORMED');

    // 9. Voting closes: the receipt shows the ballot was counted (or replaced), never what is on it.
    at('2026-06-15T07:00:00.000Z');
    await ok(advance('counting'), 201);
    expect((await ok(check(receipt), 200)).body).toEqual({ roundId, status: 'counted', channel: 'online', replacedBy: null, result: 'pending' });
    expect((await ok(check(firstReceipt), 200)).body).toEqual({ roundId, status: 'replaced', channel: 'online', replacedBy: 'online', result: 'pending' });
    expect((await ok(check(assistedReceipt), 200)).body).toEqual({ roundId, status: 'counted', channel: 'assisted', replacedBy: null, result: 'pending' });
    await refused(() => check(UNKNOWN_RECEIPT), 404, 'RECEIPT.NOT_FOUND');
    await refused(() => myResult(receipt), 409, 'RECEIPT.RESULT_NOT_ADOPTED');

    // 10. Counted, published, adopted: the box is sealed, the receipts still answer.
    await ok(call('POST', `/rounds/${roundId}/result`, admin, { reason: 'Stemperiode gesloten' }), 201);
    expect((await ok(check(receipt), 200)).body).toMatchObject({ status: 'counted', result: 'published' });
    at('2026-06-23T14:00:00.000Z');
    await ok(advance('adoption'), 201);
    await ok(call('POST', `/rounds/${roundId}/result/adoption`, admin, { reason: 'Het college volgt de stemming', decision: COLLEGE }), 201);
    expect((await call('GET', `/rounds/${roundId}/ballot-box`, auditor)).body).toMatchObject({ phase: 'sealed' });
    expect((await ok(check(receipt), 200)).body).toMatchObject({ status: 'counted', result: 'adopted' });

    // 11. My result. Six voters share Wijk 1's €100.000 equally (€16.666,67 each). The playground's four backers pay
    // €5.000 each, the trees' three €10.000 each, the benches' one €10.000; the flowers' one backer keeps €11.666,67 of
    // €25.000, and the fountain's two backers €23.333,33 of €45.000.
    expect((await ok(myResult(receipt), 200)).body).toEqual({
      roundId,
      rule: 'equalshares',
      countingUnitCents: 100,
      currency: 'EUR',
      won: 1,
      plans: [
        { planId: playground, title: 'Speeltuin', costCents: 2_000_000, area: 'WIJK-1', theme: 'spelen', selected: true, reason: { code: 'selected', message: expect.any(String) }, votes: 4, yourShare: '5000' },
        { planId: flowers, title: 'Bloemen', costCents: 2_500_000, area: 'WIJK-1', theme: 'groen', selected: false, reason: { code: 'mes-unaffordable', message: expect.any(String) }, votes: 1, yourShare: null },
      ],
      yourShareLeft: '35000/3',
    });
    expect((await ok(myResult(fourth.body.receipt as string), 200)).body).toMatchObject({
      won: 1,
      plans: [
        { planId: fountain, selected: false, reason: { code: 'mes-unaffordable' }, votes: 2, yourShare: null },
        { planId: benches, selected: true, reason: { code: 'selected' }, votes: 1, yourShare: '10000' },
      ],
      yourShareLeft: '20000/3',
    });
    expect((await ok(myResult(assistedReceipt), 200)).body).toMatchObject({ won: 0, plans: [{ planId: fountain, selected: false, reason: { code: 'mes-unaffordable' } }], yourShareLeft: '50000/3' });
    await refused(() => myResult(firstReceipt), 409, 'RECEIPT.BALLOT_REPLACED');
    await refused(() => myResult(UNKNOWN_RECEIPT), 404, 'RECEIPT.NOT_FOUND');
  });
});
