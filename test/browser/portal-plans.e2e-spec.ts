import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { InMemoryEventStore } from '@lib/event-store';
import { type ApiClient, apiClient } from '../client/api-client.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { checkPage, ensureFrontEndsBuilt, launchBrowser, newContext, PHONE, tabThrough } from './support/browser.js';
import {
  amendPlan,
  errorSummary,
  fillAndSendPlan,
  filterPlans,
  holdResidentToken,
  openMyPlan,
  openMyPlans,
  openNewPlan,
  openPlan,
  openRoundPlans,
  searchPlans,
  submitPlan,
  supportPlan,
  waitForSupportCount,
  withdrawSupport,
} from './support/portal-plans.js';

/**
 * Issue #17, the portal's plans: a round's plans with search and filters (kept in the address), one
 * plan with support given and withdrawn, and a resident's own plans: submitted (the error summary
 * first), confirmed, listed and amended. Every step through the browser; the round, its phases and
 * the moderation (other areas' pages) over HTTP.
 */
/** Text with its non-breaking spaces (as Intl writes amounts) as plain ones. */
const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('portal: plans', () => {
  let now = new Date('2026-01-20T09:00:00.000Z');
  let api: TestApi;
  let browser: Browser;
  let admin: ApiClient;
  let roundId: string;
  let mine: string;
  const pages: Page[] = [];

  /** A resident's tab holding their token; `area` as the residents' provider gives it at sign-in. */
  const resident = async (subject: string, options: Parameters<typeof newContext>[1] = {}, area?: string): Promise<Page> => {
    const page = await (await newContext(browser, options)).newPage();
    // The test api's token helper types only `round`; the issuer takes an area claim too.
    const claims: { round?: string; area?: string } = area ? { area } : {};
    await holdResidentToken(page, await api.token('resident', 'GM0363', subject, claims));
    pages.push(page);
    return page;
  };
  const anonymous = async (options: Parameters<typeof newContext>[1] = {}): Promise<Page> => {
    const page = await (await newContext(browser, options)).newPage();
    pages.push(page);
    return page;
  };
  const advance = async (to: 'submission' | 'support' | 'feasibility') => {
    const moved = await admin.POST('/rounds/{roundId}/phase-transitions', { params: { path: { roundId } }, body: { to, reason: `Planning: ${to}` } });
    expect(moved.response.status).toBe(201);
  };
  const moderateIn = async (proposalId: string) => {
    const moderated = await admin.POST('/proposals/{proposalId}/moderation', { params: { path: { proposalId } }, body: { admitted: true, reason: 'Past bij de wijk' } });
    expect(moderated.data?.events).toEqual(['ProposalAdmittedToIntake']);
  };
  /** The public list has caught up with the plans moderated in so far. */
  const publicPlans = async (count: number) => {
    for (;;) {
      const listed = await apiClient(api.url).GET('/rounds/{roundId}/plans', { params: { path: { roundId } } });
      if (listed.data?.total === count) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    ensureFrontEndsBuilt();
    api = await startTestApi(new InMemoryEventStore({ pollIntervalMs: 20 }), { env: { PROJECTOR_IN_PROCESS: 'true', MUNICIPALITY_NAME: 'Gemeente Voorbeeld' }, clock: { now: () => now } });
    browser = await launchBrowser();
    admin = apiClient(api.url, await api.token('administrator'));
    // A burgerbegroting from the stadsdeel template (wijken WIJK-1..3, any theme); submission opens.
    const budget = await admin.POST('/budgets', { body: { from: 'stadsdeel-burgerbegroting', decision: { body: 'council', number: 'RB-2026-17', date: '2026-01-15' } } });
    const planned = await admin.POST('/rounds', {
      body: { budgetId: budget.data!.id, year: 2026, schedule: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }, { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' }] },
    });
    roundId = planned.data!.id;
    now = new Date('2026-02-01T08:00:00.000Z');
    await advance('submission');
    // Three neighbours' plans, moderated in: the list has something to search and filter.
    now = new Date('2026-02-05T10:00:00.000Z');
    const others: [string, string, string, string, number][] = [
      ['res-anna', 'WIJK-1', 'spelen', 'Speeltuin Oosterpark', 2_000_000],
      ['res-bram', 'WIJK-2', 'groen', 'Bomen langs de Dapperstraat', 4_000_000],
      ['res-cees', 'WIJK-1', 'groen', 'Bankjes op het plein', 500_000],
    ];
    for (const [subject, areaId, themeId, title, investmentCents] of others) {
      now = new Date(now.getTime() + 60_000);
      const submitted = await apiClient(api.url, await api.token('resident', 'GM0363', subject)).POST('/rounds/{roundId}/my-plans', {
        params: { path: { roundId } },
        body: { areaId, themeId, title, summary: `${title}: een plan van bewoners uit de buurt`, costEstimate: { investmentCents, maintenancePerYearCents: 0, maintenanceYears: 0 }, contactDetails: { name: subject } },
      });
      await moderateIn(submitted.data!.id);
    }
    await publicPlans(3);
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await api?.close();
  });

  it('lists the round\'s plans; searches and filters them, the filters in the address so a reload keeps them', async () => {
    const page = await anonymous();
    expect(await openRoundPlans(page, api.url, roundId)).toEqual(['Speeltuin Oosterpark', 'Bomen langs de Dapperstraat', 'Bankjes op het plein']);
    expect(await page.textContent('[role="status"]')).toBe('3 plannen gevonden');
    expect(spaced(await page.locator('.ib-cards > li').first().textContent())).toContain('€ 20.000,00');
    await checkPage(page, 'portaal-plannen');
    // Keyboard: everything focus reaches shows it.
    expect((await tabThrough(page)).filter((r) => !r.visible)).toEqual([]);

    expect(await searchPlans(page, 'bankjes')).toEqual(['Bankjes op het plein']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('bankjes');
    await page.reload();
    await page.waitForSelector('[role="status"][data-loaded-for="bankjes|||"]');
    expect(await page.inputValue('#q')).toBe('bankjes');
    expect(await page.textContent('[role="status"]')).toBe('1 plan gevonden');
    await checkPage(page, 'portaal-plannen-gezocht');

    await page.fill('#q', '');
    expect(await filterPlans(page, { areaId: 'WIJK-1', themeId: 'groen' })).toEqual(['Bankjes op het plein']);
    expect(await filterPlans(page, { areaId: 'WIJK-1', themeId: '' })).toEqual(['Speeltuin Oosterpark', 'Bankjes op het plein']);
    expect(await filterPlans(page, { areaId: '', themeId: 'groen' })).toEqual(['Bomen langs de Dapperstraat', 'Bankjes op het plein']);
    await checkPage(page, 'portaal-plannen-gefilterd');
    expect(await searchPlans(page, 'zwembad')).toEqual([]);
    await page.waitForSelector('text=Geen plannen gevonden. Probeer andere woorden of minder filters.');
    await checkPage(page, 'portaal-plannen-niets-gevonden');

    // Straight from an address with filters (a shared link), in English.
    expect(await openRoundPlans(page, api.url, roundId, '?areaId=WIJK-2')).toEqual(['Bomen langs de Dapperstraat']);
    await page.click('button[lang="en"]');
    await page.waitForSelector('main h1:text-is("Plans in this round")');
    expect(await page.textContent('[role="status"]')).toBe('1 plan found');
    await checkPage(page, 'portaal-plannen-en');
    await page.click('button[lang="nl"]');

    // On a phone.
    const phone = await anonymous(PHONE);
    expect(await openRoundPlans(phone, api.url, roundId)).toHaveLength(3);
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await checkPage(phone, 'portaal-plannen-telefoon');
  });

  it('shows one plan; without signing in it offers a sign-in that returns to the plan', async () => {
    const page = await anonymous();
    const proposalId = await openPlan(page, api.url, roundId, 'Speeltuin Oosterpark');
    expect(await page.textContent('main dl')).toContain('Wijk 1');
    const signIn = page.locator('a:text-is("Aanmelden en steunen")');
    expect(await signIn.getAttribute('href')).toBe(`/portaal/rondes/${roundId}/aanmelden?terug=${encodeURIComponent(`/rondes/${roundId}/plannen/${proposalId}`)}`);
    expect(await page.locator('button:text-is("Steun dit plan")').count()).toBe(0);
    await checkPage(page, 'portaal-plan');
  });

  it('submits a plan: the empty form first (an error summary with links), then a refusal in plain words, then the confirmation', async () => {
    const page = await resident('res-1', {}, 'WIJK-1');
    await openMyPlans(page, api.url, roundId);
    await page.waitForSelector('text=U heeft in deze ronde nog geen plan ingediend.');
    await checkPage(page, 'portaal-mijn-plannen-leeg');

    await openNewPlan(page, api.url, roundId);
    // The area from the sign-in is filled in already.
    expect(await page.inputValue('#plan-area')).toBe('WIJK-1');
    await page.fill('#plan-area', '');
    await checkPage(page, 'portaal-plan-indienen');
    await fillAndSendPlan(page, {});
    expect(await errorSummary(page)).toEqual([
      'Vul een titel in van minstens 3 tekens.',
      'Vul een korte uitleg in.',
      'Vul de buurt in.',
      'Vul een thema in.',
      'Vul de eenmalige kosten in als bedrag in euro, bijvoorbeeld 2500.',
      'Vul uw naam in.',
    ]);
    expect(await page.locator(':focus').getAttribute('class')).toContain('ib-error-summary');
    expect(await page.getAttribute('#plan-title', 'aria-invalid')).toBe('true');
    expect(await page.locator('.ib-error-summary a').first().getAttribute('href')).toBe('#plan-title');
    await checkPage(page, 'portaal-plan-indienen-fout');
    // In English, the summary says the same.
    await page.click('button[lang="en"]');
    await page.waitForSelector('.ib-error-summary h2:text-is("Please check this first")');
    expect((await errorSummary(page))[0]).toBe('Enter a title of at least 3 characters.');
    await checkPage(page, 'portaal-plan-indienen-fout-en');
    await page.click('button[lang="nl"]');
    await page.waitForSelector('.ib-error-summary h2:text-is("Controleer dit eerst")');
    // The summary's link takes the resident to the field.
    await page.click('.ib-error-summary a >> nth=0');
    expect(await page.locator(':focus').getAttribute('id')).toBe('plan-title');

    // An area the round does not have: the api refuses, the form says so at the field.
    await fillAndSendPlan(page, { title: 'Moestuin bij de school', summary: 'Bakken, een hek en gereedschap voor een buurtmoestuin', areaCode: 'WIJK-9', themeId: 'groen', investmentEuros: '3.500', maintenancePerYearEuros: '1000', maintenanceYears: 5, contactName: 'Ans Jansen', contactEmail: 'ans@example.nl' });
    expect(await errorSummary(page)).toEqual(['Deze buurt hoort niet bij deze ronde. Controleer de code in de brief van de gemeente.']);
    expect(await page.getAttribute('#plan-area', 'aria-invalid')).toBe('true');
    await checkPage(page, 'portaal-plan-indienen-onbekende-buurt');

    mine = await submitPlan(page, api.url, roundId, { title: 'Moestuin bij de school', summary: 'Bakken, een hek en gereedschap voor een buurtmoestuin', areaCode: 'WIJK-1', investmentEuros: '3.500', maintenancePerYearEuros: 1000, maintenanceYears: 5, contactName: 'Ans Jansen' });
    expect(await page.textContent('main h1')).toBe('Moestuin bij de school');
    expect(await page.textContent('main dl')).toContain('Wacht op controle door de gemeente');
    expect(spaced(await page.textContent('main dl'))).toContain('€ 8.500,00');
    await checkPage(page, 'portaal-mijn-plan-ingediend');

    expect(await openMyPlans(page, api.url, roundId)).toEqual([['Moestuin bij de school', 'Wacht op controle door de gemeente']]);
    await checkPage(page, 'portaal-mijn-plannen');
    // Not public before moderation: neither in the list nor as a page.
    expect(await openRoundPlans(page, api.url, roundId)).not.toContain('Moestuin bij de school');
  });

  it('amends the plan: without a reason first, then a new version', async () => {
    const page = await resident('res-1');
    await openMyPlan(page, api.url, roundId, mine);
    await page.fill('#plan-reason', '');
    await page.click('button:text-is("Aanpassing opslaan")');
    expect(await errorSummary(page)).toEqual(['Schrijf kort waarom u het plan aanpast.']);
    await checkPage(page, 'portaal-mijn-plan-aanpassen-fout');

    now = new Date('2026-02-06T10:00:00.000Z');
    expect(await amendPlan(page, api.url, roundId, mine, { summary: 'Bakken, een hek en gereedschap; de school zorgt in de zomer voor de tuin', investmentEuros: 3000, reason: 'Onderhoud in de zomer geregeld' })).toBe(2);
    await page.waitForSelector('text=€ 8.000,00');
    expect(await page.locator('[data-testid="versions"] tbody tr').count()).toBe(2);
    expect(await page.inputValue('#plan-reason')).toBe('');
    await checkPage(page, 'portaal-mijn-plan-aangepast');
    // A second change from the same page sends the ETag it got back.
    expect(await amendPlan(page, api.url, roundId, mine, { title: 'Moestuin bij de basisschool', reason: 'Naam van de school erbij' })).toBe(3);
  });

  it('support: given and withdrawn while the round takes plans; refused in plain words once it no longer collects support', async () => {
    await moderateIn(mine);
    await publicPlans(4);
    const page = await resident('res-2');
    await supportPlan(page, api.url, roundId, 'Moestuin bij de basisschool');
    await waitForSupportCount(page, 1);
    expect(await page.locator('button:text-is("Trek mijn steun in")').count()).toBe(1);
    await checkPage(page, 'portaal-plan-gesteund');
    // A reload remembers it in this tab.
    await page.reload();
    await page.waitForSelector('text=U steunt dit plan.');

    await withdrawSupport(page);
    await waitForSupportCount(page, 0);
    await page.waitForSelector('button:text-is("Steun dit plan")');
    await checkPage(page, 'portaal-plan-steun-ingetrokken');

    // On a phone, a neighbour supports another plan.
    const phone = await resident('res-3', PHONE);
    await supportPlan(phone, api.url, roundId, 'Speeltuin Oosterpark');
    await waitForSupportCount(phone, 1);
    await checkPage(phone, 'portaal-plan-gesteund-telefoon');

    // Feasibility: support is over.
    now = new Date('2026-04-01T08:00:00.000Z');
    await advance('support');
    await advance('feasibility');
    await openPlan(page, api.url, roundId, 'Moestuin bij de basisschool');
    await page.click('button:text-is("Steun dit plan")');
    await page.waitForSelector('text=Steun geven of intrekken kan nu niet. Dat kan alleen in de tijd dat de ronde steun verzamelt.');
    await checkPage(page, 'portaal-plan-steun-gesloten');
  });
});
