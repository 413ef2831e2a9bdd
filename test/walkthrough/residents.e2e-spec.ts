import { Reactors } from '@lib/platform';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import type { RecordedEvent } from '@lib/event-store';
import { ReadModelsService } from '../../libs/projections/src/http/read-models.service.js';
import { type ApiClient, apiClient } from '../client/api-client.js';
import type { components } from '../../openapi/schema.js';
import { FRONT_END_RETURN, loginCookieOf, RESIDENTS_CLIENT, residentAuthEnv, type RunningProvider, signInAtProvider, startProvider } from '../security/support/oidc-provider.js';
import { TENANT } from '../support/test-api.js';
import { walkthrough } from './support/walkthrough.js';

/**
 * Issue #16, "done when": the residents' journey over real HTTP, every call to the api through the
 * typed client generated from the OpenAPI document (`openapi/schema.d.ts`, openapi-fetch), so
 * the document cannot drift from what the api answers and tsc checks every body and answer below.
 * The residents sign in at a real OpenID provider in the process (`oidc-provider`; its own login
 * pages are a browser's business and are driven with fetch). A resident submits a plan, staff
 * moderate it into intake, review and admit it, neighbours support it, voting opens; the voter reads
 * the ballot paper, casts, keeps the receipt; the round closes, the result is published and adopted
 * (adoption marks the winners), the receipt says the ballot was counted, and "my result" says the
 * plan won and why. The same story twice: the voter signed in by OIDC, and with a voting code.
 * PostgreSQL with DATABASE_URL, else PGlite.
 */

const PSEUDONYM_KEY = 'walk-through-pseudonym-key-of-at-least-32-characters';
/** At the provider: who they are. None of it may reach an event; the area claim is the frame's wijk code. */
const RESIDENTS = {
  'inwoner-ans': { birthdate: '1988-04-12', wijkcode: 'WIJK-1', name: 'Ans Jansen', bsn: '999993653' },
  'buur-bert': { birthdate: '1979-09-30', wijkcode: 'WIJK-1', name: 'Bert Bakker' },
  'buur-carla': { birthdate: '2001-01-17', wijkcode: 'WIJK-1', name: 'Carla Smit' },
  'buur-dirk': { birthdate: '1955-06-05', wijkcode: 'WIJK-1', name: 'Dirk de Boer' },
};
const PERSONAL = /inwoner-ans|buur-bert|buur-carla|buur-dirk|Ans Jansen|Bert Bakker|Carla Smit|Dirk de Boer|999993653|1988-04-12/;
const COLLEGE = { body: 'college', number: 'CB-2026-212', date: '2026-06-23' } as const;

type Voter = 'oidc' | 'code';
type Problem = components['schemas']['ProblemDetailsDto'];

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({ accounts: RESIDENTS, clients: [RESIDENTS_CLIENT], claims: { profile: ['birthdate', 'name'], wijk: ['wijkcode'] } });
});
afterAll(async () => {
  await provider?.close();
});

const walk = walkthrough('2026-01-20T09:00:00.000Z', {
  env: () => ({
    PROJECTOR_IN_PROCESS: 'true',
    ...residentAuthEnv(provider, PSEUDONYM_KEY, TENANT),
  }),
});

describe('walk-through: the residents\' journey through the generated client', () => {
  /** Client runs append to one store: each story looks at the events after its own start. */
  // Once the reactors are done: a reaction still in flight (a seal, the store-wide chain) would hide later events from `$all` until it commits.
  const everything = async (): Promise<RecordedEvent[]> => {
    await walk.api.app.get(Reactors).caughtUp();
    return walk.store.readAll({ maxCount: 100_000 });
  };
  const as = (token?: string): ApiClient => apiClient(walk.api.url, token);

  /** The answer is a problem with this status and code, and nothing was appended anywhere. */
  async function refused(act: () => Promise<{ error?: Problem; response: Response }>, status: number, code: string): Promise<void> {
    const before = (await everything()).length;
    const { error, response } = await act();
    expect([response.status, error?.code]).toEqual([status, code]);
    expect((await everything()).length).toBe(before);
  }

  /** A resident in a browser: starts at the api, signs in at the provider, and the front end hands the answer back. */
  async function signIn(account: keyof typeof RESIDENTS, ageBand: string): Promise<{ token: string; pseudonym: string }> {
    const anonymous = as();
    const started = await anonymous.GET('/resident-sessions/oidc', { headers: { accept: 'application/json' } });
    expect(started.response.status).toBe(200);
    const cookie = loginCookieOf(started.response.headers)!.split(';')[0]!;
    const returned = await signInAtProvider(started.data!.authorizationUrl, account, FRONT_END_RETURN);
    const query = { code: returned.searchParams.get('code')!, state: returned.searchParams.get('state')!, iss: returned.searchParams.get('iss')! };
    const finished = await anonymous.GET('/resident-sessions/oidc/callback', { params: { query }, headers: { cookie } });
    expect(finished.data).toEqual({ token: expect.any(String), expiresIn: 900, tenant: TENANT, area: 'WIJK-1', ageBand });
    const token = finished.data!.token;
    return { token, pseudonym: decodeJwt(token).sub! };
  }

  it.each<[string, Voter]>([
    ['the voter signed in by OIDC (a resident voter session)', 'oidc'],
    ['the voter with a voting code from the roll', 'code'],
  ])('from a resident\'s own plan to "my result": %s', async (_label, voter) => {
    const start = (await everything()).length;
    const since = async () => (await everything()).slice(start);
    const admin = as(walk.admin);
    const reviewer = as(walk.reviewer);
    const auditor = as(walk.auditor);
    const anonymous = as();

    // 1. The frame: the stadsdeel template, whose support criterion asks three neighbours here.
    walk.at('2026-01-20T09:00:00.000Z');
    const template = await admin.GET('/budget-templates/{name}', { params: { path: { name: 'stadsdeel-burgerbegroting' } } });
    const criteria = template.data!.frame.criteria.map((c) => (c.kind === 'support-threshold' ? { ...c, text: 'Drie buurtbewoners steunen het plan', supporters: 3 } : c));
    const budget = await admin.POST('/budgets', { body: { from: 'stadsdeel-burgerbegroting', criteria, decision: { body: 'council', number: `RB-2026-1${voter === 'oidc' ? 1 : 2}`, date: '2026-01-15' } } });
    expect(budget.data?.events).toEqual(['BudgetEstablished']);
    const planned = await admin.POST('/rounds', {
      body: { budgetId: budget.data!.id, year: 2026, schedule: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }, { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' }] },
    });
    expect(planned.data?.events).toEqual(['RoundPlanned']);
    const roundId = planned.data!.id;
    const round = { path: { roundId } };
    const advance = async (to: 'submission' | 'support' | 'feasibility' | 'voting' | 'counting' | 'adoption') => {
      const moved = await admin.POST('/rounds/{roundId}/phase-transitions', { params: round, body: { to, reason: `Planning: ${to}` } });
      expect([moved.response.status, moved.data?.events[0]]).toEqual([201, 'RoundPhaseAdvanced']);
    };

    // 2. Submission opens. Ans signs in at the municipality's provider and submits her own plan.
    walk.at('2026-02-01T08:00:00.000Z');
    await advance('submission');
    walk.at('2026-02-10T19:30:00.000Z');
    const ans = await signIn('inwoner-ans', '35-44');
    const asAns = as(ans.token);
    const moestuin = { areaId: 'WIJK-1', themeId: 'groen', title: 'Moestuin bij de school', summary: 'Bakken, een hek en gereedschap voor een buurtmoestuin', costEstimate: { investmentCents: 3_500_000, maintenancePerYearCents: 100_000, maintenanceYears: 5 } };
    // The client's types are the document's, and the api agrees with them: a plan without its cost estimate does not compile, and is refused.
    // @ts-expect-error costEstimate is required by SubmitMyProposalDto
    const incomplete: components['schemas']['SubmitMyProposalDto'] = { areaId: 'WIJK-1', themeId: 'groen', title: moestuin.title, summary: moestuin.summary };
    await refused(() => asAns.POST('/rounds/{roundId}/my-plans', { params: round, body: incomplete }), 400, 'REQUEST.INVALID');
    const submitted = await asAns.POST('/rounds/{roundId}/my-plans', { params: round, body: { ...moestuin, contactDetails: { name: 'Ans Jansen', email: 'ans@example.nl' } } });
    expect([submitted.response.status, submitted.data, submitted.response.headers.get('etag')]).toEqual([201, { id: expect.any(String), revision: '1', events: ['ProposalSubmitted', 'ProposalAwaitingModeration'] }, '"1"']);
    const plan = submitted.data!.id;
    expect(submitted.response.headers.get('location')).toBe(`/rounds/${roundId}/my-plans/${plan}`);
    const [submission] = await walk.store.readStream(`Proposal-${plan}`);
    expect(submission!.data).toMatchObject({ submitterRef: ans.pseudonym, areaId: 'WIJK-1', themeId: 'groen' });
    expect(submission!.metadata).toMatchObject({ actor: ans.pseudonym, role: 'resident', tenant: TENANT });

    // Before moderation it is hers alone: not public, no support (her neighbours have signed in too). She sharpens the summary (If-Match: her ETag).
    const neighbours = [await signIn('buur-bert', '45-54'), await signIn('buur-carla', '25-34'), await signIn('buur-dirk', '65-74')];
    const support = (token: string) => as(token).POST('/rounds/{roundId}/plans/{proposalId}/my-support', { params: { path: { roundId, proposalId: plan } } });
    await refused(() => support(neighbours[0]!.token), 409, 'PROPOSAL.SUPPORT_CLOSED');
    const amended = await asAns.POST('/rounds/{roundId}/my-plans/{proposalId}/amendments', {
      params: { path: { roundId, proposalId: plan }, header: { 'If-Match': submitted.response.headers.get('etag')! } },
      body: { title: moestuin.title, summary: 'Bakken, een hek en gereedschap; de school zorgt voor de moestuin in de zomer', costEstimate: moestuin.costEstimate, reason: 'Onderhoud in de zomer geregeld' },
    });
    expect(amended.data?.events).toEqual(['ProposalAmended']);
    const mine = await asAns.GET('/rounds/{roundId}/my-plans', { params: round });
    expect(mine.data).toEqual({ plans: [expect.objectContaining({ proposalId: plan, status: 'awaiting_moderation', moderation: null, supportCount: 0, versions: [expect.objectContaining({ number: 1 }), expect.objectContaining({ number: 2 })] })], truncated: false });

    // 3. Staff moderate it into intake; two plans come in on paper, entered by staff.
    walk.at('2026-02-11T09:00:00.000Z');
    await refused(() => admin.POST('/proposals/{proposalId}/moderation', { params: { path: { proposalId: plan } }, body: { admitted: false } }), 400, 'PROPOSAL.REASON_REQUIRED');
    const moderated = await admin.POST('/proposals/{proposalId}/moderation', { params: { path: { proposalId: plan } }, body: { admitted: true, reason: 'Past bij de wijk' } });
    expect(moderated.data?.events).toEqual(['ProposalAdmittedToIntake']);
    await refused(() => admin.POST('/proposals/{proposalId}/moderation', { params: { path: { proposalId: plan } }, body: { admitted: true } }), 409, 'PROPOSAL.NOT_AWAITING_MODERATION');
    const onPaper = async (title: string, investmentCents: number, themeId: string, at: string) => {
      walk.at(at);
      const entered = await admin.POST('/rounds/{roundId}/proposals', {
        params: round,
        body: { areaId: 'WIJK-1', themeId, title, summary: `${title}: uitgewerkt plan van bewoners`, costEstimate: { investmentCents, maintenancePerYearCents: 0, maintenanceYears: 0 } },
      });
      expect(entered.data?.events).toEqual(['ProposalSubmitted']);
      return entered.data!.id;
    };
    const speeltuin = await onPaper('Speeltuin', 4_500_000, 'spelen', '2026-02-12T10:00:00.000Z');
    const fontein = await onPaper('Fontein', 5_000_000, 'water', '2026-02-13T10:00:00.000Z');
    expect((await asAns.GET('/rounds/{roundId}/my-plans/{proposalId}', { params: { path: { roundId, proposalId: plan } } })).data).toMatchObject({
      status: 'submitted',
      moderation: { admitted: true, reason: 'Past bij de wijk', at: '2026-02-11T09:00:00.000Z' },
    });

    // The round's public plans: hers among them now, with area name and the cost on the ballot; no submitter.
    await walk.api.app.get(ReadModelsService, { strict: false }).settled();
    const listed = await anonymous.GET('/rounds/{roundId}/plans', { params: round });
    expect(listed.data?.items.map((p) => [p.proposalId, p.title, p.areaCode, p.areaName, p.costCents, p.status])).toEqual([
      [plan, 'Moestuin bij de school', 'WIJK-1', 'Wijk 1', 4_000_000, 'submitted'],
      [speeltuin, 'Speeltuin', 'WIJK-1', 'Wijk 1', 4_500_000, 'submitted'],
      [fontein, 'Fontein', 'WIJK-1', 'Wijk 1', 5_000_000, 'submitted'],
    ]);
    expect(JSON.stringify(listed.data)).not.toMatch(new RegExp(`${ans.pseudonym}|Ans Jansen|ans@example`));

    // 4. Support: three neighbours back her plan, each once under their own pseudonym; one changes her mind and back.
    // Submission closes on its scheduled day (31 March); only then does the round move on.
    walk.at('2026-04-01T08:00:00.000Z');
    await advance('support');
    expect((await support(neighbours[0]!.token)).data?.events).toEqual(['ProposalSupported']);
    await refused(() => support(neighbours[0]!.token), 409, 'PROPOSAL.ALREADY_SUPPORTED');
    expect((await support(neighbours[1]!.token)).data?.events).toEqual(['ProposalSupported']);
    const withdrawn = await as(neighbours[1]!.token).DELETE('/rounds/{roundId}/plans/{proposalId}/my-support', { params: { path: { roundId, proposalId: plan } } });
    expect(withdrawn.data?.events).toEqual(['ProposalSupportWithdrawn']);
    expect((await support(neighbours[1]!.token)).data?.events).toEqual(['ProposalSupported']);
    expect((await support(neighbours[2]!.token)).data?.events).toEqual(['ProposalSupported', 'ProposalSupportThresholdReached']);
    const supports = (await walk.store.readStream(`Proposal-${plan}`)).filter((e) => e.type.startsWith('ProposalSupport')).map((e) => [e.type, e.data.supporterRef, e.data.supportCount]);
    const [bert, carla, dirk] = neighbours.map((n) => n.pseudonym);
    expect(supports).toEqual([
      ['ProposalSupported', bert, 1],
      ['ProposalSupported', carla, 2],
      ['ProposalSupportWithdrawn', carla, 1],
      ['ProposalSupported', carla, 2],
      ['ProposalSupported', dirk, 3],
      ['ProposalSupportThresholdReached', undefined, 3],
    ]);
    expect((await asAns.GET('/rounds/{roundId}/my-plans/{proposalId}', { params: { path: { roundId, proposalId: plan } } })).data).toMatchObject({ supportCount: 3, supportThresholdReached: true });

    // 5. Feasibility: a reviewer meets every published criterion; staff admit the three plans to the ballot.
    await advance('feasibility');
    for (const proposalId of [plan, speeltuin, fontein]) {
      for (const { id: criterionId } of criteria) {
        const verdict = await reviewer.POST('/proposals/{proposalId}/verdicts', { params: { path: { proposalId } }, body: { criterionId, outcome: 'met', reason: 'Voldoet' } });
        expect(verdict.response.status).toBe(200);
      }
      const admitted = await admin.POST('/proposals/{proposalId}/admission', { params: { path: { proposalId } }, body: { admitted: true, reason: 'Alle criteria voldaan' } });
      expect(admitted.data?.events).toEqual(['ProposalAdmittedToBallot']);
    }
    expect((await asAns.GET('/rounds/{roundId}/my-plans/{proposalId}', { params: { path: { roundId, proposalId: plan } } })).data).toMatchObject({
      status: 'admitted',
      verdicts: criteria.map(({ id }) => ({ criterionId: id, outcome: 'met', reason: 'Voldoet' })),
    });

    // 6. Voting opens; the roll brings five codes for Wijk 1 (the fifth is the voter's in the code story).
    walk.at('2026-06-01T07:00:00.000Z');
    await advance('voting');
    const codes = Array.from({ length: 5 }, (_, i) => `WALK${voter === 'oidc' ? 'A' : 'B'}${String(i + 1).padStart(3, '0')}CODE`);
    const roll = await admin.POST('/rounds/{roundId}/voter-roll', {
      params: round,
      body: ['code,area,age_band', ...codes.map((code) => `${code},WIJK-1,25-44`)].join('\n') + '\n',
      bodySerializer: (csv) => csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect([roll.response.status, roll.data]).toEqual([201, { registered: 5, eligible: 5 }]);
    const withCode = async (code: string) => {
      const session = await anonymous.POST('/rounds/{roundId}/voter-sessions', { params: round, body: { code } });
      expect(session.data).toEqual({ token: expect.any(String), expiresIn: 900, round: roundId, earlierSignIns: { count: 0, lastAt: null } });
      return session.data!.token;
    };

    // The voter: Ans again, months later, signed in anew (the same pseudonym) taking her place on the roll; or a code.
    let voterToken: string;
    if (voter === 'oidc') {
      const again = await signIn('inwoner-ans', '35-44');
      expect(again.pseudonym).toBe(ans.pseudonym);
      const before = (await everything()).length;
      const session = await as(again.token).POST('/rounds/{roundId}/resident-voter-sessions', { params: round });
      expect(session.data).toEqual({ token: expect.any(String), expiresIn: 900, round: roundId, earlierSignIns: { count: 0, lastAt: null } });
      voterToken = session.data!.token;
      const added = (await everything()).slice(before);
      // The participant's own stream only; the roll's counts are its registrations; the sign-in is recorded there.
      expect(added.map((e) => e.type)).toEqual(['ParticipantRegistered', 'VoterSignedIn']);
      expect(added[0]!.data).toMatchObject({ roundId, participantRef: decodeJwt(voterToken).sub, area: 'WIJK-1', ageBand: '35-44', eligible: true, source: 'oidc' });
      expect(decodeJwt(voterToken).sub).not.toBe(ans.pseudonym);
    } else {
      voterToken = await withCode(codes[4]!);
    }
    const asVoter = as(voterToken);

    // 7. The ballot paper: the three plans with cost, area and theme, and the frame's rules.
    const paper = await asVoter.GET('/rounds/{roundId}/ballot-paper', { params: round });
    expect(paper.data).toEqual({
      roundId,
      phase: 'open',
      frameVersion: 1,
      type: 'approval',
      rules: { minPlans: 1, maxPlans: null, costCapCents: 10_000_000, minSpendCents: null, points: null, rankingLength: null, themeQuotas: [] },
      budgetCents: 30_000_000,
      currency: 'EUR',
      plans: [
        { id: plan, title: 'Moestuin bij de school', costCents: 4_000_000, area: { code: 'WIJK-1', name: 'Wijk 1' }, theme: 'groen' },
        { id: speeltuin, title: 'Speeltuin', costCents: 4_500_000, area: { code: 'WIJK-1', name: 'Wijk 1' }, theme: 'spelen' },
        { id: fontein, title: 'Fontein', costCents: 5_000_000, area: { code: 'WIJK-1', name: 'Wijk 1' }, theme: 'water' },
      ],
    });
    await refused(() => auditor.GET('/rounds/{roundId}/ballot-paper', { params: round }), 403, 'AUTH.FORBIDDEN');

    // 8. The voter casts for her plan and the fountain; over the cost cap is refused first. The receipt comes once.
    const cast = (token: string, choices: string[]) => as(token).POST('/rounds/{roundId}/ballots', { params: round, body: { type: 'approval', choices } });
    await refused(() => cast(voterToken, [plan, speeltuin, fontein]), 400, 'BALLOT.COST_CAP_EXCEEDED');
    const ballot = await cast(voterToken, [plan, fontein]);
    expect([ballot.response.status, ballot.data?.events, ballot.response.headers.get('cache-control')]).toEqual([201, ['BallotCast'], 'no-store']);
    const receipt = ballot.data!.receipt;
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await refused(() => cast(voterToken, [plan]), 409, 'BALLOT.ALREADY_CAST');
    // Four more voters: her plan 4 votes, the playground 3, the fountain 2.
    const others: string[][] = [[plan, speeltuin], [plan, speeltuin], [plan], [speeltuin, fontein]];
    for (const [i, choices] of others.entries()) expect((await cast(await withCode(codes[i]!), choices)).data?.events).toEqual(['BallotCast']);
    const ballots = (await since()).filter((e) => e.streamName.startsWith(`Ballot-${roundId}_`));
    expect(ballots).toHaveLength(5);
    // How the voter was recognised follows the sign-in: her provider (OIDC) or her code; the other voters used codes.
    expect(ballots[0]!.data).toMatchObject({ channel: 'online', verification: voter === 'oidc' ? 'oidc' : 'voting-code', receiptDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ballots.slice(1).map((e) => (e.data as { verification: string }).verification)).toEqual(['voting-code', 'voting-code', 'voting-code', 'voting-code']);

    // 9. Voting closes: the receipt says the ballot is counted, never what is on it.
    const check = () => anonymous.GET('/rounds/{roundId}/receipts/{receipt}', { params: { path: { roundId, receipt } } });
    const myResult = () => anonymous.GET('/rounds/{roundId}/receipts/{receipt}/result', { params: { path: { roundId, receipt } } });
    await refused(check, 409, 'RECEIPT.VOTING_OPEN');
    walk.at('2026-06-15T07:00:00.000Z');
    await advance('counting');
    expect((await check()).data).toEqual({ roundId, status: 'counted', channel: 'online', replacedBy: null, result: 'pending' });
    await refused(myResult, 409, 'RECEIPT.RESULT_NOT_ADOPTED');

    // 10. The count is published and adopted; adoption marks the winners on their plans (no selection call).
    const published = await admin.POST('/rounds/{roundId}/result', { params: round, body: { reason: 'Stemperiode gesloten' } });
    expect(published.data?.events).toEqual(['ResultPublished']);
    walk.at('2026-06-23T14:00:00.000Z');
    await advance('adoption');
    const adopted = await admin.POST('/rounds/{roundId}/result/adoption', { params: round, body: { reason: 'Het college volgt de stemming', decision: COLLEGE } });
    expect([adopted.data?.events, adopted.response.headers.get('reactions')]).toEqual([['ResultAdopted'], 'complete']);
    const marks = async (proposalId: string) => (await walk.store.readStream(`Proposal-${proposalId}`)).at(-1)!.type;
    expect([await marks(plan), await marks(speeltuin), await marks(fontein)]).toEqual(['ProposalSelected', 'ProposalSelected', 'ProposalNotSelected']);
    expect((await asAns.GET('/rounds/{roundId}/my-plans/{proposalId}', { params: { path: { roundId, proposalId: plan } } })).data?.status).toBe('selected');

    // 11. The voter checks the receipt, and reads which of her plans won and why (greedy: €100.000 in Wijk 1; the fountain no longer fit).
    expect((await check()).data).toEqual({ roundId, status: 'counted', channel: 'online', replacedBy: null, result: 'adopted' });
    const result = await myResult();
    expect(result.data).toEqual({
      roundId,
      rule: 'greedy',
      countingUnitCents: 100,
      currency: 'EUR',
      won: 1,
      plans: [
        { planId: plan, title: 'Moestuin bij de school', costCents: 4_000_000, area: 'WIJK-1', theme: 'groen', selected: true, reason: { code: 'selected', message: expect.any(String) }, votes: 4, yourShare: null },
        { planId: fontein, title: 'Fontein', costCents: 5_000_000, area: 'WIJK-1', theme: 'water', selected: false, reason: { code: 'did-not-fit', message: expect.any(String) }, votes: 2, yourShare: null },
      ],
      yourShareLeft: null,
    });

    // Nothing about the residents reached an event: no provider subject, name, BSN, birth date, pseudonym of the voter, receipt.
    const story = JSON.stringify((await since()).map((e) => [e.streamName, e.data, e.metadata]));
    expect(story).not.toMatch(PERSONAL);
    expect(story).not.toContain(receipt);
    expect(story).not.toMatch(/ans@example\.nl/);
  });
});
