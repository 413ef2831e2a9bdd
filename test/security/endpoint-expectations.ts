import type { Role } from '@lib/platform';
import type { Fixtures } from './support/fixtures.js';

/** What one call needs: path parameters, body and headers, built on fresh fixtures. */
export interface PreparedRequest {
  /** Values another municipality must never find in its answer (ids of GM0363's resources). */
  secrets?: string[];
  params?: Record<string, string>;
  body?: unknown;
  /** A non-JSON body (CSV), sent as is with the `content-type` header given. */
  raw?: string;
  headers?: Record<string, string>;
}

/**
 * The declared expectation of one endpoint. The matrix derives each cell's status from this and
 * the endpoint's access rule:
 * - anonymous: `ok` on a public endpoint, else 401;
 * - a role outside the rule: 403;
 * - a role in the rule, same municipality: `okFor[role] ?? ok`;
 * - a role in the rule, another municipality: 404 when the endpoint addresses a resource of
 *   GM0363 (`otherMunicipality: 'not-found'`), else the same as at home (`'own-scope'`, e.g.
 *   establishing one's own budget).
 */
export interface EndpointExpectation {
  /** The rule the endpoint must carry: a widened or narrowed rule fails the matrix. */
  access: 'public' | Role[];
  /** A public endpoint that checks a credential of its own (the metrics scrape token); unset in the matrix's api, so open there. */
  ownCredentials?: true;
  /** Status for an allowed caller of GM0363 with the prepared request. */
  ok: number;
  okFor?: Partial<Record<Role, number>>;
  otherMunicipality: 'not-found' | 'own-scope';
  /**
   * Overrides the other municipality's status where the foreign resource is named in the body,
   * not the path; `sameAsMissing` must then give the identical answer for an id that exists nowhere.
   */
  foreign?: { status: number; code: string; sameAsMissing(fx: Fixtures): Promise<PreparedRequest> };
  /** The answer is an event stream (SSE): only its status and headers are read. */
  stream?: true;
  /** Creates a new stream: `If-Match` has nothing to pin and is ignored. */
  creates?: true;
  /** Why `ok` is not a 2xx, when it is not (the fixture's state makes a rule refuse it). */
  note?: string;
  prepare(fx: Fixtures): Promise<PreparedRequest>;
}

const STAFF: Role[] = ['administrator', 'reviewer', 'official', 'auditor'];
const ADMIN: Role[] = ['administrator'];
/** Residents acting for themselves: signed in, or with a voting code (the matrix's voter token names the round of the path). */
const RESIDENTS: Role[] = ['resident', 'voter'];
const none = async (): Promise<PreparedRequest> => ({});
const plan = async (fx: Fixtures) => ({ proposalId: (await fx.proposal()).proposalId });

/** A plan submitted in a fresh round of GM0363: by staff (`/proposals`) or by a resident (`/my-plans`), the same call. */
const submitsAPlan = (access: Role[]): EndpointExpectation => ({
  access,
  creates: true,
  ok: 201,
  otherMunicipality: 'not-found',
  prepare: async (fx) => ({
    params: { roundId: await fx.round() },
    body: { areaId: 'WK036301', themeId: 'spelen', title: 'Speeltuin', summary: 'Nieuwe toestellen', costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 } },
  }),
});
/** A plan's amendment, by staff or by its submitter. */
const AN_AMENDMENT = { title: 'Kleiner', summary: 'Minder toestellen', costEstimate: { investmentCents: 900_000, maintenancePerYearCents: 0, maintenanceYears: 0 }, reason: 'Herzien' };

/** Every endpoint of the api, by `METHOD /path`. A new endpoint without a row fails the matrix. */
export const ENDPOINTS: Record<string, EndpointExpectation> = {
  'GET /health': { access: 'public', ok: 200, otherMunicipality: 'own-scope', prepare: none },
  'GET /health/live': { access: 'public', ok: 200, otherMunicipality: 'own-scope', prepare: none },
  'GET /health/ready': { access: 'public', ok: 200, otherMunicipality: 'own-scope', prepare: none },
  'GET /metrics': { access: 'public', ownCredentials: true, ok: 200, otherMunicipality: 'own-scope', prepare: none },

  'POST /budgets': {
    access: ADMIN,
    creates: true,
    ok: 201,
    otherMunicipality: 'own-scope',
    prepare: async () => {
      const { aBurgerbegrotingFrame, COUNCIL_DECISION } = await import('../../libs/budgeting/src/budget/testing/budget.given.js');
      return { body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION } };
    },
  },
  'GET /budgets/:budgetId': { access: STAFF, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { budgetId: await fx.budget() } }) },
  'POST /budgets/:budgetId/amendments': {
    access: ADMIN,
    ok: 201,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({
      params: { budgetId: await fx.budget() },
      body: { amountCents: 32_000_000, decision: { body: 'college', number: 'CB-2026-007', date: '2026-02-03' }, reason: 'Extra geld uit de voorjaarsnota' },
    }),
  },

  'POST /rounds': {
    access: ADMIN,
    creates: true,
    ok: 201,
    otherMunicipality: 'not-found',
    foreign: { status: 400, code: 'ROUND.UNKNOWN_BUDGET', sameAsMissing: async () => ({ body: { budgetId: 'b-does-not-exist', year: 2026, schedule: [] } }) },
    prepare: async (fx) => ({ body: { budgetId: await fx.budget(), year: 2026, schedule: [] } }),
  },
  'GET /rounds/:roundId': { access: STAFF, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { roundId: await fx.round() } }) },
  'GET /rounds/:roundId/proces-verbaal': { access: ['administrator', 'official', 'auditor'], ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { roundId: await fx.round() } }) },
  'POST /rounds/:roundId/phase-transitions': {
    access: ADMIN,
    ok: 201,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { roundId: await fx.round() }, body: { to: 'support', reason: 'Indieningstermijn verstreken' } }),
  },
  'POST /rounds/:roundId/cancellation': {
    access: ADMIN,
    ok: 201,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { roundId: await fx.round() }, body: { reason: 'Storing bij het indienen; het college zet de ronde stop', decision: { body: 'college', number: 'CB-2026-120', date: '2026-03-02' } } }),
  },
  'POST /rounds/:roundId/commitments': {
    access: ADMIN,
    ok: 409,
    note: 'money is committed only once a plan is granted or selected, not during submission (ROUND.WRONG_PHASE)',
    otherMunicipality: 'not-found',
    prepare: async (fx) => {
      const { roundId, proposalId } = await fx.proposal();
      return { params: { roundId }, body: { proposalId, amountCents: 1_000_000, areaCode: 'WK036301' } };
    },
  },
  'POST /rounds/:roundId/releases': {
    access: ADMIN,
    ok: 409,
    note: 'nothing was committed to the plan, so nothing can be released',
    otherMunicipality: 'not-found',
    prepare: async (fx) => {
      const { roundId, proposalId } = await fx.proposal();
      return { params: { roundId }, body: { proposalId, amountCents: 1_000_000, reason: 'Plan vervalt' } };
    },
  },
  'POST /rounds/:roundId/result': {
    access: ADMIN,
    ok: 409,
    note: 'a round in submission has no result to publish yet',
    otherMunicipality: 'not-found',
    prepare: async (fx) => {
      const { roundId, proposalId } = await fx.proposal();
      return { params: { roundId }, body: { winners: [{ proposalId, amountCents: 1_000_000, areaCode: 'WK036301' }], explanation: [{ proposalId, selected: true, explanation: 'Meeste stemmen' }] } };
    },
  },
  'POST /rounds/:roundId/result/adoption': {
    access: ADMIN,
    ok: 409,
    note: 'no published result to adopt',
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { roundId: await fx.round() }, body: { decision: { body: 'college', number: 'CB-2026-101', date: '2026-06-01' }, reason: 'Uitslag overgenomen' } }),
  },
  'POST /rounds/:roundId/result/corrections': {
    access: ADMIN,
    ok: 409,
    note: 'no published result to correct',
    otherMunicipality: 'not-found',
    prepare: async (fx) => {
      const { roundId, proposalId } = await fx.proposal();
      return {
        params: { roundId },
        body: { winners: [{ proposalId, amountCents: 900_000, areaCode: 'WK036301' }], explanation: [{ proposalId, selected: true, explanation: 'Hertelling' }], decision: { body: 'college', number: 'CB-2026-102', date: '2026-06-02' }, reason: 'Telfout' },
      };
    },
  },
  'POST /rounds/:roundId/proposals': submitsAPlan(ADMIN),
  'GET /rounds/:roundId/proposals': { access: STAFF, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { roundId: (await fx.proposal()).roundId } }) },
  'GET /proposals/:proposalId': { access: STAFF, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: await plan(fx) }) },
  'POST /proposals/:proposalId/amendments': {
    access: ADMIN,
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: await plan(fx), body: AN_AMENDMENT }),
  },
  'POST /proposals/:proposalId/withdrawal': { access: ADMIN, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: await plan(fx), body: { reason: 'Initiatiefnemer verhuist' } }) },
  'POST /proposals/:proposalId/support': { access: ADMIN, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: await plan(fx), body: { supporterRef: 'ps-aaaaaa' } }) },
  'POST /proposals/:proposalId/merge': {
    access: ADMIN,
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => {
      const { roundId, proposalId } = await fx.proposal();
      const other = await fx.proposalIn(roundId);
      return { params: { proposalId }, body: { mergedProposalId: other, reason: 'Zelfde park' } };
    },
  },
  'POST /proposals/:proposalId/conflicts-of-interest': { access: ['reviewer'], ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: await plan(fx), body: { reason: 'Buurman van de initiatiefnemer' } }) },
  'POST /proposals/:proposalId/verdicts': {
    access: ['reviewer'],
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: await plan(fx), body: { criterionId: 'one-year', outcome: 'met', reason: 'Haalbaar' } }),
  },
  'POST /proposals/:proposalId/admission': {
    access: ADMIN,
    ok: 409,
    note: 'a plan without verdicts cannot be admitted (PROPOSAL.*): the call passed authorisation and tenancy',
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: await plan(fx), body: { admitted: true, reason: 'Toets afgerond' } }),
  },
  'POST /proposals/:proposalId/selection': {
    access: ADMIN,
    ok: 409,
    note: 'a plan not admitted to the ballot cannot be selected',
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: await plan(fx), body: { selected: true, reason: 'Uitslag vastgesteld' } }),
  },
  'POST /proposals/:proposalId/decision-deadline-extension': {
    access: ADMIN,
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { proposalId: (await fx.proposal('fonds')).proposalId }, body: { reason: 'Advies wijkraad nodig' } }),
  },
  'POST /proposals/:proposalId/grant-decision': {
    access: ADMIN,
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({
      params: { proposalId: await fx.reviewedApplication() },
      body: { granted: true, amountCents: 1_000_000, decisionReference: 'Z/26/0001', decisionDate: '2026-03-20', reason: 'Voldoet aan de regeling' },
    }),
  },
  'POST /proposals/:proposalId/implementation/start': {
    access: ADMIN,
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { proposalId: await fx.grantedApplication() }, body: { startedOn: '2026-04-01' } }),
  },
  'POST /proposals/:proposalId/implementation/payments': {
    access: ADMIN,
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { proposalId: await fx.startedImplementation() }, body: { paymentReference: 'BET-1', amountCents: 500_000 } }),
  },
  'POST /proposals/:proposalId/implementation/closure': {
    access: ADMIN,
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { proposalId: await fx.startedImplementation() }, body: { outcome: 'realised', reason: 'Opgeleverd' } }),
  },
  'POST /proposals/:proposalId/moderation': {
    access: ADMIN,
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { proposalId: (await fx.residentPlan()).proposalId }, body: { admitted: false, reason: 'Noemt buren bij naam' } }),
  },
  'POST /rounds/:roundId/my-plans': submitsAPlan(RESIDENTS),
  'GET /rounds/:roundId/my-plans': { access: RESIDENTS, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { roundId: (await fx.residentPlan()).roundId } }) },
  'GET /rounds/:roundId/my-plans/:proposalId': { access: RESIDENTS, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: await fx.residentPlan() }) },
  'POST /rounds/:roundId/my-plans/:proposalId/amendments': {
    access: RESIDENTS,
    ok: 200,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: await fx.residentPlan(), body: AN_AMENDMENT }),
  },
  'POST /rounds/:roundId/plans/:proposalId/my-support': { access: RESIDENTS, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: await fx.proposal() }) },
  'DELETE /rounds/:roundId/plans/:proposalId/my-support': { access: RESIDENTS, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: await fx.supportedPlan() }) },
  'POST /proposals/:proposalId/objection': {
    access: ADMIN,
    ok: 201,
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { proposalId: await fx.grantedApplication() }, body: { grounds: 'Het bedrag is te laag', receivedOn: '2026-03-25' } }),
  },
  'POST /rounds/:roundId/my-plans/:proposalId/objection': { access: ['resident'], ok: 201, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: await fx.residentsGrant(), body: { grounds: 'Het bedrag is te laag' } }) },
  'POST /proposals/:proposalId/objection/lateness': { access: ADMIN, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { proposalId: await fx.objection() }, body: { excusable: true, reason: 'Beschikking naar een oud adres' } }) },
  'POST /proposals/:proposalId/objection/hearing': { access: ADMIN, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { proposalId: await fx.objection() }, body: { hearingAt: '2030-01-07T10:00:00.000Z', location: 'Stadhuis' } }) },
  'POST /proposals/:proposalId/objection/hearing/held': { access: ADMIN, ok: 409, note: 'no hearing was scheduled (OBJECTION.HEARING_NOT_SCHEDULED)', otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { proposalId: await fx.objection() }, body: {} }) },
  'POST /proposals/:proposalId/objection/hearing/skip': { access: ADMIN, ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { proposalId: await fx.objection() }, body: { ground: 'afgezien', reason: 'Wil niet gehoord worden' } }) },
  'POST /proposals/:proposalId/objection/decision-term-extension': {
    access: ADMIN,
    ok: 409,
    note: 'the fixture objection\'s decision term (from March 2026) has passed by the real clock (OBJECTION.DECISION_TERM_PASSED)',
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { proposalId: await fx.objection() }, body: { weeks: 6, reason: 'Advies' } }),
  },
  'POST /proposals/:proposalId/objection/decision': {
    access: ADMIN,
    ok: 409,
    note: 'the fixture objection came late and its lateness is not judged yet (OBJECTION.LATENESS_NOT_JUDGED)',
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { proposalId: await fx.objection() }, body: { outcome: 'ongegrond', decisionReference: 'BOB/26/1', decisionDate: '2026-06-15', reason: 'Blijft' } }),
  },
  'POST /proposals/:proposalId/objection/beroep': { access: ADMIN, ok: 409, note: 'the objection is not decided (OBJECTION.NOT_DECIDED)', otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { proposalId: await fx.objection() }, body: { court: 'Rechtbank Amsterdam', caseReference: 'AMS 26/1', lodgedOn: '2026-04-01' } }) },
  'POST /proposals/:proposalId/objection/beroep/ruling': { access: ADMIN, ok: 409, note: 'no beroep was lodged (OBJECTION.NO_BEROEP)', otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { proposalId: await fx.objection() }, body: { outcome: 'ongegrond', rulingDate: '2026-04-01', reason: 'Blijft' } }) },
  'GET /proposals/:proposalId/objection/letters/:letter': { access: ['administrator', 'auditor'], ok: 200, otherMunicipality: 'not-found', prepare: async (fx) => ({ params: { proposalId: await fx.objection(), letter: 'ontvangstbevestiging' } }) },
  'POST /proposals/:proposalId/implementation/returns': {
    access: ADMIN,
    ok: 409,
    note: 'nothing was paid, so nothing can be returned',
    otherMunicipality: 'not-found',
    prepare: async (fx) => ({ params: { proposalId: await fx.startedImplementation() }, body: { reference: 'TERUG-1', amountCents: 100_000 } }),
  },
};

const READ_ALL: Role[] = ['administrator', 'reviewer', 'official', 'auditor'];
const round = async (fx: Fixtures) => ({ params: { roundId: await fx.round() } });
/** Read models: the fixture, projected. */
const projected = (prepare: (fx: Fixtures) => Promise<PreparedRequest>) => async (fx: Fixtures) => {
  const request = await prepare(fx);
  await fx.settled();
  return request;
};
const planRead = async (fx: Fixtures) => {
  const { roundId, proposalId } = await fx.proposal();
  return { params: { proposalId }, secrets: [roundId, proposalId] };
};
const list = async (fx: Fixtures) => {
  const { roundId, proposalId } = await fx.proposal();
  return { secrets: [roundId, proposalId, 'Speeltuin Oosterpark'] };
};
const ballot = { type: 'approval', choices: ['p-1'] };

Object.assign(ENDPOINTS, {
  'POST /submitters/:submitterRef/erasure': {
    access: ADMIN,
    creates: true,
    ok: 200,
    note: 'the plans\' module binds PERSONAL_DATA_KEYS to its vault; test/security/erasure.e2e-spec.ts shows the details unreadable afterwards',
    otherMunicipality: 'not-found',
    prepare: async (fx: Fixtures) => ({ params: { submitterRef: await fx.submitterRef() }, body: { reason: 'Verzoek van betrokkene (AVG art. 17)' } }),
  },
  'GET /budget-templates': { access: READ_ALL, ok: 200, otherMunicipality: 'own-scope', prepare: none },
  'GET /budget-templates/:name': { access: READ_ALL, ok: 200, otherMunicipality: 'own-scope', prepare: async () => ({ params: { name: 'stadsdeel-burgerbegroting' } }) },
  'GET /rounds/:roundId/plans': { access: 'public', ok: 200, otherMunicipality: 'own-scope', prepare: async (fx: Fixtures) => projected(async (f: Fixtures) => ({ params: { roundId: (await f.proposal()).roundId } }))(fx) },
  'GET /public/rounds/:roundId': { access: 'public', ok: 200, otherMunicipality: 'own-scope', prepare: async (fx: Fixtures) => projected(round)(fx) },
  'GET /public/rounds/:roundId/result': { access: 'public', ok: 200, otherMunicipality: 'own-scope', prepare: async (fx: Fixtures) => projected(round)(fx) },

  'GET /read-models/budgets': { access: READ_ALL, ok: 200, otherMunicipality: 'own-scope', prepare: projected(list) },
  'GET /read-models/budgets/:budgetId': { access: READ_ALL, ok: 200, otherMunicipality: 'not-found', prepare: projected(async (fx: Fixtures) => ({ params: { budgetId: await fx.budget() } })) },
  'GET /read-models/feed': { access: READ_ALL, ok: 200, stream: true, otherMunicipality: 'own-scope', prepare: none },
  'GET /read-models/plans': { access: READ_ALL, ok: 200, otherMunicipality: 'own-scope', prepare: projected(list) },
  'GET /read-models/plans/:proposalId': { access: READ_ALL, ok: 200, otherMunicipality: 'not-found', prepare: projected(planRead) },
  'GET /read-models/projections': { access: ['administrator', 'auditor'], ok: 200, otherMunicipality: 'own-scope', prepare: none },
  'GET /read-models/rounds': { access: READ_ALL, ok: 200, otherMunicipality: 'own-scope', prepare: projected(list) },
  'GET /read-models/rounds/:roundId': { access: READ_ALL, ok: 200, otherMunicipality: 'not-found', prepare: projected(round) },
  'GET /read-models/rounds/:roundId/implementation': { access: READ_ALL, ok: 200, otherMunicipality: 'not-found', prepare: projected(round) },
  'GET /read-models/rounds/:roundId/results': { access: READ_ALL, ok: 200, otherMunicipality: 'not-found', prepare: projected(round) },
  'GET /read-models/evaluation': { access: READ_ALL, ok: 200, otherMunicipality: 'own-scope', prepare: projected(list) },
  'PUT /read-models/population': {
    access: ADMIN,
    ok: 200,
    creates: true,
    otherMunicipality: 'own-scope',
    prepare: async () => ({
      headers: { 'content-type': 'text/csv' },
      raw: 'Codering_3;AantalInwoners_5;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;k_65JaarOfOuder_12\nWK036301;1000;100;200;300;200;200\n',
    }),
  },
  'GET /read-models/rounds/:roundId/turnout': { access: READ_ALL, ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: projected(round) },
  'GET /read-models/rounds/:roundId/timeline': { access: ['auditor', 'administrator'], ok: 200, otherMunicipality: 'not-found', prepare: projected(round) },

  'POST /rounds/:roundId/ballot-box': {
    access: ADMIN,
    ok: 409,
    note: 'a submitted plan is not admitted to the ballot (BALLOT_BOX.PLAN_NOT_ADMITTED)',
    otherMunicipality: 'not-found',
    prepare: async (fx: Fixtures) => {
      const { roundId, proposalId } = await fx.proposal();
      return { params: { roundId }, body: { budgetId: `b-${roundId}`, proposalIds: [proposalId] } };
    },
  },
  'POST /rounds/:roundId/ballot-box/:change': { access: ADMIN, ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: async (fx: Fixtures) => ({ params: { roundId: await fx.round(), change: 'open' }, body: { reason: 'Stemperiode' } }) },
  'GET /rounds/:roundId/ballot-box': { access: READ_ALL, ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: round },
  'GET /rounds/:roundId/count': { access: READ_ALL, ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: round },
  'POST /rounds/:roundId/voter-roll': { access: ADMIN, ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: async (fx: Fixtures) => ({ ...(await round(fx)), body: undefined, headers: { 'content-type': 'text/csv' }, raw: 'code,area,age_band\nABCD2345EFGH,WK036301,18-64\n' }) },
  'POST /rounds/:roundId/voting-codes': { access: ADMIN, ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: async (fx: Fixtures) => ({ ...(await round(fx)), body: { count: 2, area: 'WK036301', ageBand: '18-64' } }) },
  'POST /rounds/:roundId/voting-codes/block': { access: ADMIN, ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: async (fx: Fixtures) => ({ ...(await round(fx)), body: { code: 'K7QM-4TXA-93WD-PRZB', reason: 'Brief gestolen' } }) },
  'POST /rounds/:roundId/voting-codes/reissue': { access: ADMIN, ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: async (fx: Fixtures) => ({ ...(await round(fx)), body: { code: 'K7QM-4TXA-93WD-PRZB', reason: 'Brief kwijt' } }) },
  'POST /rounds/:roundId/voter-sessions': {
    access: 'public',
    ok: 403,
    note: 'an unknown code (VOTER_SESSION.UNKNOWN_CODE), for everyone alike: no account, no token needed',
    otherMunicipality: 'own-scope',
    prepare: async (fx: Fixtures) => ({ ...(await round(fx)), body: { code: 'K7QM-4TXA-93WD-PRZB' } }),
  },
  'POST /rounds/:roundId/resident-voter-sessions': { access: ['resident'], ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: round },
  'GET /resident-sessions/oidc': {
    access: 'public',
    ok: 404,
    note: 'no residents\' provider configured here (RESIDENT_SESSION.NOT_CONFIGURED); test/security/resident-sign-in.e2e-spec.ts signs in at a real one',
    otherMunicipality: 'own-scope',
    prepare: none,
  },
  'GET /resident-sessions/oidc/callback': {
    access: 'public',
    ok: 404,
    note: 'no residents\' provider configured here (RESIDENT_SESSION.NOT_CONFIGURED)',
    otherMunicipality: 'own-scope',
    prepare: none,
  },
  'POST /rounds/:roundId/ballots': { access: ['voter'], ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: async (fx: Fixtures) => ({ ...(await round(fx)), body: ballot }) },
  'PUT /rounds/:roundId/ballots/mine': { access: ['voter'], ok: 404, note: 'no ballot cast', otherMunicipality: 'not-found', prepare: async (fx: Fixtures) => ({ ...(await round(fx)), body: ballot, headers: { 'if-match': '"0"' } }) },
  'GET /rounds/:roundId/ballots/mine': { access: ['voter'], ok: 404, note: 'no ballot cast', otherMunicipality: 'not-found', prepare: round },
  'GET /rounds/:roundId/ballot-paper': { access: ['voter'], ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: round },
  'POST /rounds/:roundId/assisted-ballots': {
    access: ['official'],
    ok: 404,
    note: 'no ballot box prepared',
    otherMunicipality: 'not-found',
    prepare: async (fx: Fixtures) => ({ ...(await round(fx)), body: { code: 'K7QM-4TXA-93WD-PRZB', ballot } }),
  },
  'GET /rounds/:roundId/receipts/:receipt': {
    access: 'public',
    ok: 404,
    note: 'no ballot box prepared: the same answer for everyone, the receipt is the credential',
    otherMunicipality: 'own-scope',
    prepare: async (fx: Fixtures) => ({ params: { roundId: await fx.round(), receipt: 'q3Vn0C1mXk2yJm7T0xJ5m2zV4cXl9Y0b6f1d8sKp3aA' } }),
  },
  'GET /rounds/:roundId/receipts/:receipt/result': {
    access: 'public',
    ok: 404,
    note: 'no ballot box prepared: the same answer for everyone, the receipt is the credential',
    otherMunicipality: 'own-scope',
    prepare: async (fx: Fixtures) => ({ params: { roundId: await fx.round(), receipt: 'q3Vn0C1mXk2yJm7T0xJ5m2zV4cXl9Y0b6f1d8sKp3aA' } }),
  },
  'POST /rounds/:roundId/paper-batches': { access: ['official'], ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: async (fx: Fixtures) => ({ ...(await round(fx)), body: { pollingStation: 'SB-12', batchNumber: 1, slipCount: 10 } }) },
  'POST /rounds/:roundId/paper-batches/:batchId/ballots': {
    access: ['official'],
    ok: 404,
    note: 'no ballot box prepared',
    otherMunicipality: 'not-found',
    prepare: async (fx: Fixtures) => ({ params: { roundId: await fx.round(), batchId: 'batch-1' }, body: { code: 'K7QM-4TXA-93WD-PRZB', ballot } }),
  },
  'POST /rounds/:roundId/paper-batches/:batchId/confirm': { access: ['official'], ok: 404, note: 'no ballot box prepared', otherMunicipality: 'not-found', prepare: async (fx: Fixtures) => ({ params: { roundId: await fx.round(), batchId: 'batch-1' }, body: {} }) },
} satisfies Record<string, EndpointExpectation>);

/** Express routes outside Nest's controllers (the OpenAPI page); public and read-only by design. */
export const NON_CONTROLLER_ROUTES: Record<string, number> = {
  'GET /docs': 200,
  'GET /docs/': 200,
  'GET /docs/index.html': 200,
  'GET /docs/LICENSE': 404,
  'GET /docs/swagger-ui-init.js': 200,
  'GET /docs/docs/swagger-ui-init.js': 200,
  'GET /docs-json': 200,
};
