import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { InMemoryEventStore } from '@lib/event-store';
import { apiClient } from '../client/api-client.js';
import { startTestApi, TENANT, type TestApi } from '../support/test-api.js';
import { signInWithToken } from './support/back-office.js';
import { checkPage, ensureFrontEndsBuilt, launchBrowser, newContext, PHONE } from './support/browser.js';
import { admitAll, advancePhase, createBudgetFromTemplate, declareConflict, moderateAll, planRound, refusePlans, reviewPlan, selectPlans, signInAtStaffProvider } from './support/office-setup.js';
import { openStaffProvider, type RunningStaffProvider, STAFF_API_SCOPE } from './support/staff-provider.js';

const AUDIENCE = 'https://api.inwonersbudget.test';
const CLIENT_ID = 'inwonersbudget-beheer';

/** A plan as a resident's form sends it. */
const aPlan = (areaId: string, title: string, investmentCents: number, maintenancePerYearCents = 0, maintenanceYears = 0) => ({
  areaId,
  themeId: 'algemeen',
  title,
  summary: `${title}: uitgewerkt plan van bewoners`,
  costEstimate: { investmentCents, maintenancePerYearCents, maintenanceYears },
});

/**
 * Issue #17, the back office's setup: a civil servant signs in at the municipality's OIDC provider, then
 * one burgerbegroting goes from its template to the end of the feasibility review through the pages
 * alone (budget, round, phases, moderation, review, admission in bulk), each page checked for WCAG 2.2 AA.
 */
describe('back office: sign-in, rounds, setup, moderation, review and admission', () => {
  let browser: Browser;
  let provider: RunningStaffProvider;
  let oidcApi: TestApi;
  let api: TestApi;
  let now = new Date('2026-01-20T09:00:00.000Z');

  beforeAll(async () => {
    ensureFrontEndsBuilt();
    provider = await openStaffProvider();
    const voterKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    oidcApi = await startTestApi(new InMemoryEventStore({ pollIntervalMs: 20 }), {
      env: {
        PROJECTOR_IN_PROCESS: 'true',
        AUTH_ISSUER: provider.issuer,
        AUTH_JWKS_URL: provider.jwksUrl,
        AUTH_AUDIENCE: AUDIENCE,
        BACKOFFICE_CLIENT_ID: CLIENT_ID,
        BACKOFFICE_SCOPES: `openid ${STAFF_API_SCOPE}`,
        VOTER_TOKEN_PRIVATE_KEY: voterKey,
      },
    });
    await provider.configure({
      accounts: { 'medewerker-1': { roles: ['administrator'], tenant: TENANT }, 'beoordelaar-1': { roles: ['reviewer'], tenant: TENANT } },
      clientId: CLIENT_ID,
      redirectUri: `${oidcApi.url}/beheer/aanmelden/terug`,
      audience: AUDIENCE,
    });
    api = await startTestApi(new InMemoryEventStore({ pollIntervalMs: 20 }), { env: { PROJECTOR_IN_PROCESS: 'true' }, clock: { now: () => now } });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await oidcApi?.close();
    await api?.close();
    await provider?.close();
  });

  it("signs a civil servant in at the municipality's OIDC provider (PKCE, a JWT for the api), shows who it is, and signs out", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${oidcApi.url}/beheer/`);
    await page.waitForURL(/\/beheer\/aanmelden\?terug=%2F$/);
    expect(await page.isVisible('button:text-is("Aanmelden bij de gemeente")')).toBe(true);
    await signInAtStaffProvider(page, oidcApi.url, 'medewerker-1');
    expect(await page.textContent('[data-testid="signed-in-as"]')).toBe('Aangemeld als medewerker-1 (beheerder), gemeente GM0363');
    // The api took the provider's token: the rounds load (none yet), and an administrator may start a budget.
    await page.waitForSelector('text=Er zijn nog geen rondes.');
    expect(await page.isVisible('a:text-is("Nieuw budget vaststellen")')).toBe(true);
    const held = (await page.evaluate('JSON.parse(sessionStorage.getItem("ib.staff")).token')) as string;
    const claims = JSON.parse(Buffer.from(held.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: provider.issuer, aud: AUDIENCE, sub: 'medewerker-1', roles: ['administrator'], tenant: TENANT });
    await checkPage(page, 'beheer-oidc-aangemeld');
    await page.click('button:text-is("Afmelden")');
    await page.waitForSelector('main h1:text-is("Aanmelden")');
    expect(await page.evaluate('sessionStorage.getItem("ib.staff")')).toBeNull();
    await page.goto(`${oidcApi.url}/beheer/rondes/nieuw`);
    await page.waitForURL(/\/beheer\/aanmelden\?terug=/);

    // A reviewer sees no setup actions: the form says so and its button is disabled.
    const reviewer = await (await newContext(browser)).newPage();
    await signInAtStaffProvider(reviewer, oidcApi.url, 'beoordelaar-1', '/budgetten/nieuw');
    expect(await reviewer.textContent('[data-testid="signed-in-as"]')).toContain('(beoordelaar)');
    await reviewer.waitForSelector('text=Alleen een beheerder kan een budget vaststellen.');
    expect(await reviewer.isDisabled('button:text-is("Budget vaststellen")')).toBe(true);
    await checkPage(reviewer, 'beheer-oidc-beoordelaar-budget');
  }, 120_000);

  it('takes one burgerbegroting from its template to the end of the feasibility review, through the pages alone', async () => {
    const admin = await api.token('administrator', TENANT, 'staff-admin');
    const page = await (await newContext(browser)).newPage();
    await signInWithToken(page, api.url, admin);
    await page.waitForSelector('text=Er zijn nog geen rondes.');
    await checkPage(page, 'beheer-setup-rondes-leeg');

    // 1. The budget from its template: the empty form is refused first, by the error summary.
    await page.click('a:text-is("Nieuw budget vaststellen")');
    await page.waitForSelector('main h1:text-is("Nieuw budget vaststellen")');
    await page.waitForSelector('#template option[value="stadsdeel-burgerbegroting"]', { state: 'attached' });
    await page.click('button:text-is("Budget vaststellen")');
    expect(await page.locator(':focus').getAttribute('class')).toContain('ib-error-summary');
    expect(await page.textContent('.ib-error-summary')).toContain('Kies een sjabloon.');
    await checkPage(page, 'beheer-budget-nieuw-fout');
    const budgetId = await createBudgetFromTemplate(page, api.url, 'stadsdeel-burgerbegroting', { body: 'council', number: 'RB-2026-07', date: '2026-01-15' });
    expect(budgetId).toMatch(/^[0-9a-f-]{36}$/);
    await checkPage(page, 'beheer-ronde-nieuw');

    // 2. The round under it: a year out of range is refused before sending; then the schedule.
    await page.fill('#year', '1999');
    await page.click('button:text-is("Ronde plannen")');
    expect(await page.textContent('.ib-error-summary')).toContain('Vul een jaar in tussen 2000 en 2100.');
    await checkPage(page, 'beheer-ronde-nieuw-fout');
    const roundId = await planRound(page, api.url, budgetId, {
      year: 2026,
      schedule: [
        { phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' },
        { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' },
      ],
    });
    expect(await page.textContent('[data-testid="round-phase"]')).toBe('Gepland');
    expect(await page.textContent('main')).toContain('Plannen indienen');
    for (const path of ['moderatie', 'beoordeling', 'toelating', 'stembus', 'telling', 'proces-verbaal', 'tijdlijn']) {
      expect(await page.getAttribute(`main nav a[href="/beheer/rondes/${roundId}/${path}"]`, 'href')).toBeTruthy();
    }
    await checkPage(page, 'beheer-ronde-gepland');

    // 3. Submission opens on its day, not before: the api's refusal in words.
    const early = await advancePhase(page, api.url, roundId, 'submission', 'Start van de indiening');
    expect(early).toMatchObject({ ok: false });
    expect(early.text).toContain('Deze fase begint pas op 1 februari 2026.');
    await checkPage(page, 'beheer-ronde-fase-geweigerd');
    now = new Date('2026-02-01T08:00:00.000Z');
    expect(await advancePhase(page, api.url, roundId, 'submission', 'Start van de indiening')).toMatchObject({ ok: true, text: 'De ronde is nu in de fase Plannen indienen.' });
    await checkPage(page, 'beheer-ronde-indienen');

    // The overview shows where it stands and the next step, which leads to moderation.
    await page.click('a:text-is("Terug naar alle rondes")');
    await page.waitForSelector('main h1:text-is("Rondes")');
    await page.waitForSelector(`a[href="/beheer/rondes/${roundId}/moderatie"]:has-text("Controleer nieuwe plannen")`);
    await checkPage(page, 'beheer-rondes');

    // 4. Residents submit plans (another area's pages: over HTTP here); staff moderate them, a refusal needs a reason.
    const residents = await Promise.all(Array.from({ length: 10 }, (_, i) => api.token('resident', TENANT, `res-setup-${i}`)));
    const submit = async (by: string, body: ReturnType<typeof aPlan>) => {
      const { data, error } = await apiClient(api.url, by).POST('/rounds/{roundId}/my-plans', { params: { path: { roundId } }, body });
      if (!data) throw new Error(JSON.stringify(error));
      return data.id;
    };
    const playground = await submit(residents[0]!, aPlan('WIJK-1', 'Speeltuin Oosterpark', 2_000_000, 100_000, 5));
    const benches = await submit(residents[1]!, aPlan('WIJK-1', 'Bankjes op het plein', 5_000_000));
    const fountain = await submit(residents[2]!, aPlan('WIJK-2', 'Fontein', 4_500_000));
    await page.goto(`${api.url}/beheer/rondes/${roundId}/moderatie`);
    await page.waitForSelector('text=3 plannen wachten op controle.');
    await checkPage(page, 'beheer-moderatie');
    await page.click('button:has-text("Weigeren: Fontein")');
    expect(await page.textContent('.ib-error-summary')).toContain('Vul een reden in als u het plan weigert: "Fontein".');
    await checkPage(page, 'beheer-moderatie-fout');
    expect(await moderateAll(page, api.url, roundId)).toBe(3);
    await checkPage(page, 'beheer-moderatie-leeg');

    // 5. Support (residents, over HTTP), after submission closed on its day; then feasibility.
    now = new Date('2026-04-01T08:00:00.000Z');
    expect(await advancePhase(page, api.url, roundId, 'support', 'Indiening gesloten')).toMatchObject({ ok: true });
    for (const id of [playground, benches, fountain]) {
      for (const resident of residents) {
        const { response } = await apiClient(api.url, resident).POST('/rounds/{roundId}/plans/{proposalId}/my-support', { params: { path: { roundId, proposalId: id } } });
        expect(response.status).toBe(200);
      }
    }
    expect(await advancePhase(page, api.url, roundId, 'feasibility', 'Steun verzameld')).toMatchObject({ ok: true });

    // 6. Review: a reviewer judges every published criterion; one declares a conflict and can no longer review.
    const reviewerPage = await (await newContext(browser)).newPage();
    await signInWithToken(reviewerPage, api.url, await api.token('reviewer', TENANT, 'staff-reviewer'), `/rondes/${roundId}/beoordeling`);
    await reviewerPage.waitForSelector('a:text-is("Fontein")');
    expect(await reviewerPage.textContent('main table')).toContain('0 van 7');
    await checkPage(reviewerPage, 'beheer-beoordeling');
    await reviewerPage.click('a:text-is("Speeltuin Oosterpark")');
    await reviewerPage.waitForSelector('main h1:text-is("Plan beoordelen: Speeltuin Oosterpark")');
    await reviewerPage.waitForSelector('#verdict-one-year-met');
    await reviewerPage.click('button:text-is("Oordelen opslaan")');
    expect(await reviewerPage.textContent('.ib-error-summary')).toContain('Kies bij minstens één criterium een oordeel.');
    await checkPage(reviewerPage, 'beheer-plan-beoordeling-fout');
    await reviewerPage.check('#verdict-one-year-met');
    await reviewerPage.click('button:text-is("Oordelen opslaan")');
    expect(await reviewerPage.textContent('.ib-error-summary')).toContain(': vul een reden in.');
    expect(await reviewPlan(reviewerPage, api.url, playground, 'all-feasible')).toMatchObject({ ok: true, text: 'Uw oordelen zijn opgeslagen (7).' });
    await checkPage(reviewerPage, 'beheer-plan-beoordeling');
    expect(await reviewPlan(reviewerPage, api.url, benches, 'all-feasible')).toMatchObject({ ok: true });
    expect(await reviewPlan(reviewerPage, api.url, fountain, { 'one-year': { outcome: 'not_met', reason: 'Vergunning duurt langer dan een jaar' } })).toMatchObject({ ok: true });
    const second = await (await newContext(browser)).newPage();
    await signInWithToken(second, api.url, await api.token('reviewer', TENANT, 'staff-reviewer-2'), `/plannen/${fountain}/beoordeling`);
    await declareConflict(second, api.url, fountain, 'Ik woon naast het plein');
    expect(await second.isDisabled('button:text-is("Oordelen opslaan")')).toBe(true);
    await checkPage(second, 'beheer-plan-belang');

    // 7. Admission in bulk: all three chosen, one action; the fountain fails with its reason, then is refused.
    const admitted = await admitAll(page, api.url, roundId);
    expect(admitted).toMatchObject({ succeeded: 2, failed: 1 });
    expect(admitted.text).toContain('Fontein: het plan voldoet niet aan alle criteria');
    await checkPage(page, 'beheer-toelating-resultaat');
    expect(await refusePlans(page, api.url, roundId, ['Fontein'], 'Niet binnen een jaar uitvoerbaar')).toMatchObject({ succeeded: 1, failed: 0 });
    // Selection waits for the adopted result: the page says so per plan.
    const early2 = await selectPlans(page, api.url, roundId, ['Speeltuin Oosterpark']);
    expect(early2).toMatchObject({ succeeded: 0, failed: 1 });
    await checkPage(page, 'beheer-selectie-te-vroeg');
    const statusOf = async (id: string) => (await apiClient(api.url, admin).GET('/proposals/{proposalId}', { params: { path: { proposalId: id } } })).data?.status;
    expect([await statusOf(playground), await statusOf(benches), await statusOf(fountain)]).toEqual(['admitted', 'admitted', 'refused']);

    // The round's page on a phone, and in English.
    const phone = await (await newContext(browser, PHONE)).newPage();
    await signInWithToken(phone, api.url, admin, `/rondes/${roundId}`);
    await phone.waitForSelector('[data-testid="next-step"]:text-is("Beoordeel de plannen")');
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await checkPage(phone, 'beheer-ronde-telefoon');
    await phone.click('button[lang="en"]');
    await phone.waitForSelector('[data-testid="round-phase"]:text-is("Feasibility review")');
    await checkPage(phone, 'beheer-ronde-en');
  }, 300_000);
});
