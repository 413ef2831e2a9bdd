import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { InMemoryEventStore } from '@lib/event-store';
import { apiClient, type ApiClient } from '../client/api-client.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { signInWithToken } from './support/back-office.js';
import { checkPage, ensureFrontEndsBuilt, launchBrowser, newContext, PHONE } from './support/browser.js';
import { decideGrant, recordPayment, registerApplication, reviewApplication } from './support/office-grants.js';

/** Today in Amsterdam (YYYY-MM-DD): the day the back office puts on a beschikking by default. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** An element's text, with the no-break spaces of formatted amounts and dates as plain spaces. */
const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').replace(/\u00a0|\u202f/g, ' ');

/**
 * Issue #17: an initiatievenfonds application runs through the back office from intake to the grant,
 * and on to its payments. The budget and the round are set up over HTTP; every step after that is
 * taken in the browser, by an administrator and a reviewer.
 */
describe('back office: initiatievenfonds applications, the beschikking, implementation and payments', () => {
  let api: TestApi;
  let browser: Browser;
  let admin: string;
  let reviewer: string;
  let asAdmin: ApiClient;
  let asReviewer: ApiClient;
  let roundId: string;

  beforeAll(async () => {
    ensureFrontEndsBuilt();
    api = await startTestApi(new InMemoryEventStore({ pollIntervalMs: 20 }), { env: { PROJECTOR_IN_PROCESS: 'true', MUNICIPALITY_NAME: 'Gemeente Voorbeeld' } });
    browser = await launchBrowser();
    admin = await api.token('administrator');
    reviewer = await api.token('reviewer', 'GM0363', 'rev-1');
    asAdmin = apiClient(api.url, admin);
    asReviewer = apiClient(api.url, reviewer);
    const year = Number(today().slice(0, 4));
    const budget = await asAdmin.POST('/budgets', { body: { from: 'gemeentelijk-initiatievenfonds', amountCents: 1_000_000, decision: { body: 'council', number: 'RB-2026-02', date: today() } } as never });
    expect(budget.response.status).toBe(201);
    const round = await asAdmin.POST('/rounds', { body: { budgetId: budget.data!.id, year, schedule: [], intakeDates: [`${year + 1}-04-01`], title: `Initiatievenfonds ${year}` } });
    expect(round.response.status).toBe(201);
    roundId = round.data!.id;
    const intake = await asAdmin.POST('/rounds/{roundId}/phase-transitions', { params: { path: { roundId } }, body: { to: 'intake', reason: 'Regeling in werking' } });
    expect(intake.response.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signedIn = async (token: string, path: string, options: Parameters<typeof newContext>[1] = {}): Promise<Page> => {
    const page = await (await newContext(browser, options)).newPage();
    await signInWithToken(page, api.url, token, path);
    return page;
  };

  // The steps below follow one application, in order: each test takes up where the one before left it.
  let office: Page;
  let festival: string;

  it('shows an empty list, refuses an empty form, and registers a paper application', async () => {
    office = await signedIn(admin, `/rondes/${roundId}/aanvragen`);
    await office.waitForSelector('text=Er zijn nog geen aanvragen.');
    await checkPage(office, 'beheer-aanvragen-leeg');

    // An empty form is refused before anything is sent: the summary takes focus and links to the fields.
    await office.click('button:text-is("Aanvraag registreren")');
    expect(await office.locator(':focus').getAttribute('class')).toContain('ib-error-summary');
    expect(await office.getAttribute('#grant-title', 'aria-invalid')).toBe('true');
    expect(await text(office, '.ib-error-summary')).toContain('Vul het gevraagde bedrag in euro in');
    await checkPage(office, 'beheer-aanvragen-fout');

    festival = await registerApplication(office, api.url, roundId, {
      title: 'Buurtfestival',
      summary: 'Een festival op het plein, met muziek van buurtbewoners',
      amountEuros: '4.500',
      theme: 'cultuur',
      contact: { name: 'Fatima de Vries', email: 'fatima@example.nl' },
    });
    const row = `tr[data-proposal-id="${festival}"]`;
    expect(await text(office, row)).toContain('€ 4.500,00');
    expect(await text(office, row)).toContain('Toetsen: 0 van 4 criteria voldaan');
    await checkPage(office, 'beheer-aanvragen');
  }, 120_000);

  it('refuses the grant while the criteria are not reviewed, and extends the decision term once', async () => {
    await office.click(`tr[data-proposal-id="${festival}"] a`);
    await office.waitForSelector('main h1:text-is("Aanvraag: Buurtfestival")');
    expect(await text(office, 'main')).toContain('Fatima de Vries');
    await office.check('#decision-grant');
    await office.fill('#decision-reference', 'Z/26/2001');
    await office.fill('#decision-reason', 'Voldoet aan de regeling');
    await office.click('button:text-is("Beschikking vastleggen")');
    await office.waitForSelector('#decision-form[data-problem="PROPOSAL.CRITERIA_NOT_MET"]');
    expect(await text(office, '.ib-error-summary')).toContain('Nog niet alle criteria zijn voldaan');
    await checkPage(office, 'beheer-beschikking-fout');

    const before = await office.getAttribute('[data-deadline]', 'data-deadline');
    await office.fill('#extend-reason', 'Advies van de wijkraad is nodig');
    await office.click('button:text-is("Termijn verlengen")');
    await office.waitForSelector('text=De termijn is al één keer verlengd.');
    expect(Date.parse((await office.getAttribute('[data-deadline]', 'data-deadline'))!)).toBeGreaterThan(Date.parse(before!));
    expect(await office.locator('#extend-form').count()).toBe(0);
    await checkPage(office, 'beheer-beschikking-verlengd');
  }, 120_000);

  it('has a reviewer judge every criterion on the same page', async () => {
    const review = await signedIn(reviewer, `/plannen/${festival}/beschikking`);
    await review.waitForSelector('#review-form');
    await checkPage(review, 'beheer-beschikking-toetsen');
    await reviewApplication(review, api.url, festival);
    expect(await text(review, 'main')).toContain('Alle criteria zijn voldaan.');
    expect(await review.locator('#decision-form').count()).toBe(0);
    await checkPage(review, 'beheer-beschikking-getoetst');
  }, 120_000);

  it('grants the application (not above the amount asked) and shows the beschikking', async () => {
    await office.goto(`${api.url}/beheer/plannen/${festival}/beschikking`);
    await office.waitForSelector('#decision-form');
    await office.check('#decision-grant');
    await office.fill('#decision-amount', '5000');
    await office.click('button:text-is("Beschikking vastleggen")');
    expect(await text(office, '.ib-error-summary')).toContain('hoger dan het gevraagde bedrag');

    await decideGrant(office, api.url, festival, { granted: true, amountEuros: 4000, reasons: 'Voldoet aan de regeling; het podium betaalt de gemeente al', decisionReference: 'Z/26/2001' });
    const beschikking = await text(office, '#beschikking');
    expect(beschikking).toContain('Subsidie verleend');
    expect(beschikking).toContain('€ 4.000,00');
    expect(beschikking).toContain('Z/26/2001');
    expect(beschikking).toContain('Binnen 6 weken');
    await office.waitForSelector('#beschikking:has-text("het podium betaalt de gemeente al")');
    await checkPage(office, 'beheer-beschikking-verleend');
    const granted = await asAdmin.GET('/proposals/{proposalId}', { params: { path: { proposalId: festival } } });
    expect(granted.data).toMatchObject({ status: 'granted', grant: { amountCents: 400_000, decisionReference: 'Z/26/2001' } });
    expect((await asAdmin.GET('/rounds/{roundId}', { params: { path: { roundId } } })).data).toMatchObject({ committedCents: 400_000, remainingCents: 600_000 });
  }, 120_000);

  it('records a payment against the grant, refuses more than is left, and shows the round\'s implementation', async () => {
    await recordPayment(office, api.url, festival, 1500, 'BET-21');
    expect(await text(office, '#plan-totals')).toContain('€ 2.500,00');
    expect(await text(office, 'main')).toContain('Betaald: € 1.500,00 van € 4.000,00 (38%).');
    await checkPage(office, 'beheer-uitvoering-plan');
    await office.fill('#payment-reference', 'BET-22');
    await office.fill('#payment-amount', '2600');
    await office.click('button:text-is("Betaling vastleggen")');
    expect(await text(office, '.ib-error-summary')).toContain('Dit is meer dan er nog te betalen is (€ 2.500,00)');
    await checkPage(office, 'beheer-uitvoering-plan-fout');
    expect((await asAdmin.GET('/proposals/{proposalId}', { params: { path: { proposalId: festival } } })).data).toMatchObject({ paidCents: 150_000 });

    await office.goto(`${api.url}/beheer/rondes/${roundId}/uitvoering`);
    await office.waitForSelector(`tr[data-proposal-id="${festival}"]:has-text("€ 1.500,00")`);
    const tracked = await text(office, `tr[data-proposal-id="${festival}"]`);
    expect(tracked).toContain('€ 4.000,00');
    expect(tracked).toContain('€ 2.500,00');
    await checkPage(office, 'beheer-uitvoering');
    await office.click('button[lang="en"]');
    await office.waitForSelector('main h1:has-text("Implementation and payments")');
    await checkPage(office, 'beheer-uitvoering-en');
  }, 120_000);

  it('shows on a phone what is next for the granted application, nothing wider than the screen', async () => {
    const phone = await signedIn(admin, `/rondes/${roundId}/aanvragen`, PHONE);
    await phone.waitForSelector(`tr[data-proposal-id="${festival}"]:has-text("Subsidie verleend")`);
    expect(await text(phone, `tr[data-proposal-id="${festival}"]`)).toContain('Uitvoering starten of voorschot betalen');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await checkPage(phone, 'beheer-aanvragen-telefoon');
  }, 90_000);

  it("lets a resident's own application into intake after moderation", async () => {
    const resident = apiClient(api.url, await api.token('resident', 'GM0363', 'res-1'));
    const own = await resident.POST('/rounds/{roundId}/my-plans', {
      params: { path: { roundId } },
      body: { areaId: 'GEMEENTE', themeId: 'sport', title: 'Voetbaltoernooi', summary: 'Een toernooi voor de jeugd van de wijk', costEstimate: { investmentCents: 80_000, maintenancePerYearCents: 0, maintenanceYears: 0 } },
    });
    expect(own.response.status).toBe(201);
    const proposalId = own.data!.id;
    const office = await signedIn(admin, `/plannen/${proposalId}/beschikking`);
    await office.waitForSelector('#moderate-form');
    expect(await text(office, '[data-status]')).toBe('Wacht op controle');
    // Refusing needs a reason: checked before sending.
    await office.check('#moderate-no');
    await office.click('button:text-is("Beslissing opslaan")');
    expect(await text(office, '.ib-error-summary')).toContain('Vul de reden in waarom u de aanvraag niet toelaat.');
    await checkPage(office, 'beheer-beschikking-controle');
    await office.check('#moderate-yes');
    await office.click('button:text-is("Beslissing opslaan")');
    await office.waitForSelector('[data-status="submitted"]');
    expect(await office.locator('#moderate-form').count()).toBe(0);
    expect((await asAdmin.GET('/proposals/{proposalId}', { params: { path: { proposalId } } })).data).toMatchObject({ status: 'submitted', moderation: { admitted: true } });
  }, 90_000);

  it('refuses an application with reasons, and shows the objection against it with its letters', async () => {
    const office = await signedIn(admin, `/rondes/${roundId}/aanvragen`);
    const benches = await registerApplication(office, api.url, roundId, { title: 'Bankjes bij de speeltuin', summary: 'Drie bankjes bij de speeltuin aan de Dorpsstraat', amountEuros: 100, theme: 'groen', contact: { name: 'Jan Jansen' } });
    for (const criterionId of ['max-amount', 'by-residents', 'no-double-funding', 'one-year']) {
      const verdict = await asReviewer.POST('/proposals/{proposalId}/verdicts', { params: { path: { proposalId: benches } }, body: { criterionId, outcome: 'met', reason: 'Voldoet' } });
      expect(verdict.response.status).toBe(200);
    }
    await decideGrant(office, api.url, benches, { granted: false, reasons: 'Bankjes zijn onderhoud, geen initiatief', decisionReference: 'Z/26/2005' });
    await office.waitForSelector('#beschikking:has-text("Bankjes zijn onderhoud, geen initiatief")');
    expect(await text(office, '#beschikking')).toContain('Subsidie geweigerd');
    expect(await text(office, '#objection')).toContain('Er is geen bezwaar gemaakt');
    await checkPage(office, 'beheer-beschikking-geweigerd');

    const lodged = await asAdmin.POST('/proposals/{proposalId}/objection', { params: { path: { proposalId: benches } }, body: { grounds: 'De buurt plaatst en onderhoudt de bankjes zelf.', receivedOn: today() } });
    expect(lodged.response.status).toBe(201);
    await office.reload();
    await office.waitForSelector('#objection dl');
    expect(await text(office, '#objection')).toContain('Op tijd');
    await office.click('button:text-is("Toon brief: Ontvangstbevestiging")');
    await office.waitForSelector('#letter');
    expect(await text(office, '#letter')).toContain('hebben wij uw bezwaarschrift ontvangen');
    await checkPage(office, 'beheer-beschikking-bezwaar');
    const download = office.waitForEvent('download');
    await office.click('button:text-is("Download als PDF: Ontvangstbevestiging")');
    expect((await download).suggestedFilename()).toBe(`ontvangstbevestiging-${benches}.pdf`);
  }, 120_000);
});
