import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Reaction } from '@lib/es';
import { grantRecorderReaction, planFundsReaction, planMergeReaction } from '@lib/budgeting';
import { Reactors } from '@lib/platform';
import { aFondsFrame, seedRound } from '../../libs/budgeting/src/proposal/testing/proposal.seed.js';
import { openTestSqlStore, type TestSqlStore } from '../support/sql-store.js';
import { startTestApi, TENANT, type TestApi } from '../support/test-api.js';
import { call as callApi, closeRestartSpec, type Reply, replayAsTheRunner, restartAndCatchUp } from './support/reactors.js';

const START = new Date('2026-03-02T09:00:00.000Z');

/**
 * The plans' reactors stop before they react (as if the api died right after the requests) and the
 * api restarts on the same store: a grant, a release, a merge and a grant's compensation each
 * converge, exactly once; replaying their triggers appends nothing.
 */
describe(`plan reactors after a restart (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let opened: TestSqlStore;
  let api: TestApi;
  let admin: string;
  let reviewer: string;

  const start = async () => {
    api = await startTestApi(opened.store, { clock: { now: () => START }, env: { REACTOR_WAIT_MS: '1500' } });
    admin = await api.token('administrator', TENANT, 'staff-admin');
    reviewer = await api.token('reviewer', TENANT, 'staff-rev');
  };

  const call = (method: string, path: string, token: string, body?: unknown): Promise<Reply> => callApi(api.url, method, path, token, body);
  const stream = (name: string) => opened.store.readStream(name);
  const types = async (name: string) => (await stream(name)).map((e) => e.type);
  const everything = async () => (await opened.store.readAll({ maxCount: 100_000 })).map((e) => e.id);

  async function reviewedApplication(investmentCents: number): Promise<string> {
    const submitted = await call('POST', '/rounds/r-if/proposals', admin, {
      areaId: 'GEMEENTE',
      themeId: 'cultuur',
      title: 'Buurtfeest',
      summary: 'Een feest voor de hele straat',
      costEstimate: { investmentCents, maintenancePerYearCents: 0, maintenanceYears: 0 },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    expect((await call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId: 'by-residents', outcome: 'met', reason: 'Bewonersinitiatief' })).status).toBe(200);
    return id;
  }
  const grant = (id: string, amountCents: number) => call('POST', `/proposals/${id}/grant-decision`, admin, { granted: true, amountCents, decisionReference: `Z/26/${id.slice(0, 6)}`, decisionDate: '2026-03-02', reason: 'Voldoet aan de regeling' });

  beforeAll(async () => {
    opened = await openTestSqlStore();
    await seedRound(opened.store, { tenant: TENANT, budgetId: 'b-if', roundId: 'r-if', frame: aFondsFrame(), phases: ['intake'], at: START.toISOString() });
    await start();
  }, 60_000);

  afterAll(() => closeRestartSpec(api, opened));

  it('grant, release, merge and compensation converge once the reactors run again, each exactly once', async () => {
    // Before the stop: a plan granted (the reactor runs: `Reactions: complete`) and in implementation.
    expect((await api.app.get(Reactors).caughtUp(20_000)).complete).toBe(true);
    const implementing = await reviewedApplication(400_000);
    const granted = await grant(implementing, 400_000);
    expect([granted.status, granted.etag, granted.body.events, granted.reactions]).toEqual([200, '"2"', ['ProposalGranted'], 'complete']);
    expect((await call('POST', `/proposals/${implementing}/implementation/start`, admin, { startedOn: '2026-03-05' })).status).toBe(200);
    const toGrant = await reviewedApplication(300_000);
    const toWithdraw = await reviewedApplication(200_000);
    const continuing = (await call('POST', '/rounds/r-if/proposals', admin, { areaId: 'GEMEENTE', themeId: 'cultuur', title: 'Speeltuin', summary: 'Toestellen', costEstimate: { investmentCents: 100_000, maintenancePerYearCents: 0, maintenanceYears: 0 } })).body.id as string;
    const absorbed = (await call('POST', '/rounds/r-if/proposals', admin, { areaId: 'GEMEENTE', themeId: 'cultuur', title: 'Speeltuin bis', summary: 'Toestellen', costEstimate: { investmentCents: 100_000, maintenancePerYearCents: 0, maintenanceYears: 0 } })).body.id as string;

    // The reactors stop: every request below is stored on its own stream only, and says its reactions are pending.
    await api.app.get(Reactors).stop();
    const roundBefore = await types('Round-r-if');

    const pendingGrant = await grant(toGrant, 300_000);
    expect([pendingGrant.status, pendingGrant.etag, pendingGrant.body.events, pendingGrant.reactions]).toEqual([200, '"1"', [], 'pending; reactors="grant-recorder"']);
    const compensated = await grant(toWithdraw, 200_000);
    expect(compensated.reactions).toBe('pending; reactors="grant-recorder"');
    expect((await call('POST', `/proposals/${toWithdraw}/withdrawal`, admin, { reason: 'De aanvrager ziet ervan af' })).status).toBe(200);
    const closed = await call('POST', `/proposals/${implementing}/implementation/closure`, admin, { outcome: 'cancelled', reason: 'Vergunning geweigerd' });
    expect([closed.status, closed.body.events, closed.reactions]).toEqual([200, ['ProposalImplementationCancelled'], 'pending; reactors="plan-funds"']);
    const merged = await call('POST', `/proposals/${continuing}/merge`, admin, { mergedProposalId: absorbed, reason: 'Zelfde speeltuin' });
    expect([merged.status, merged.etag, merged.body.events, merged.reactions]).toEqual([200, '"0"', [], 'pending; reactors="plan-merge"']);

    expect((await types('Round-r-if')).slice(roundBefore.length)).toEqual(['FundsCommitted', 'FundsCommitted']);
    expect(await types(`Proposal-${toGrant}`)).toEqual(['ProposalSubmitted', 'ProposalFeasibilityVerdictGiven']);
    expect(await types(`Proposal-${continuing}`)).toEqual(['ProposalSubmitted']);
    expect((await types(`Proposal-${absorbed}`)).at(-1)).toBe('ProposalMergedInto');

    // Restart: the reactors carry everything out from their checkpoints.
    await restartAndCatchUp(() => api, start);

    const round = await stream('Round-r-if');
    const commitmentOf = (proposalId: string) => round.find((e) => e.type === 'FundsCommitted' && e.data.proposalId === proposalId)!;
    const recordedGrant = (await stream(`Proposal-${toGrant}`)).filter((e) => e.type === 'ProposalGranted');
    expect(recordedGrant.map((e) => [e.revision, e.data.commitment, e.data.amountCents])).toEqual([[2n, commitmentOf(toGrant).id, 300_000]]);

    const releases = round.filter((e) => e.type === 'FundsReleased');
    const cancellation = (await stream(`Proposal-${implementing}`)).find((e) => e.type === 'ProposalImplementationCancelled')!;
    const byPlan = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(releases.map((e) => [e.data.proposalId, e.data.amountCents, e.data.cause]).sort(byPlan)).toEqual(
      [
        [toWithdraw, 200_000, commitmentOf(toWithdraw).id],
        [implementing, 400_000, cancellation.id],
      ].sort(byPlan),
    );
    expect(releases.find((e) => e.data.proposalId === toWithdraw)!.data.reason).toBe('The grant was not recorded: the plan is withdrawn now; its commitment is released');
    expect((await types(`Proposal-${toWithdraw}`)).at(-1)).toBe('ProposalWithdrawn');
    expect((await call('GET', '/rounds/r-if', admin)).body).toMatchObject({ committedCents: 300_000 });

    const absorption = (await stream(`Proposal-${continuing}`)).filter((e) => e.type === 'ProposalAbsorbed');
    expect(absorption.map((e) => e.data.absorbedProposalId)).toEqual([absorbed]);

    // Replaying every trigger (the runner's path, the same derived ids) appends nothing; nor does a second restart.
    const before = await everything();
    const triggers = (await opened.store.readAll({ maxCount: 100_000 })).filter((e) => ['FundsCommitted', 'ProposalImplementationCancelled', 'ProposalMergedInto'].includes(e.type));
    expect(triggers).toHaveLength(5);
    const reactions = [grantRecorderReaction(opened.store), planFundsReaction(opened.store), planMergeReaction(opened.store)] as Reaction[];
    expect(await replayAsTheRunner(opened.store, triggers, reactions)).toEqual(['PROPOSAL.CHANGED_SINCE_GRANT']);
    expect(await everything()).toEqual(before);
    await restartAndCatchUp(() => api, start);
    expect(await everything()).toEqual(before);

    // The client retries the grant it never saw recorded: refused, nothing appended.
    const retried = await grant(toGrant, 300_000);
    expect([retried.status, retried.body.code]).toEqual([409, 'PROPOSAL.WRONG_STATUS']);
    expect(await everything()).toEqual(before);
  }, 120_000);
});
