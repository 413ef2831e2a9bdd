import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { InMemoryEventStore } from '@lib/event-store';
import { Reactors } from '@lib/platform';
import { type ApiClient, apiClient } from '../client/api-client.js';
import { RESIDENTS_CLIENT, residentAuthEnv, type RunningProvider, startProvider } from '../security/support/oidc-provider.js';
import { startTestApi, TENANT, type TestApi } from '../support/test-api.js';
import { checkPage, ensureFrontEndsBuilt, launchBrowser, newContext, PHONE, tabThrough } from './support/browser.js';
import { castBallot, checkReceipt, openResult, signInWithCode, signInWithProvider } from './support/portal-vote.js';

/** A free loopback port: the api's address must be known before it starts (the provider's redirect URI). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Issue #17, the residents' voting pages in a real browser: sign in with a voting code (a wrong one
 * first) or at the municipality's provider, the ballot with its rules (over the cost cap is refused
 * before sending), a ballot cast by keyboard only and one on a phone, the receipt, and after the
 * close the receipt check, "my result" and the round's result. The round is set up over HTTP.
 */
describe('the portal: sign in, vote, receipt and result', () => {
  let provider: RunningProvider;
  let api: TestApi;
  let browser: Browser;
  let now = new Date('2026-01-20T09:00:00.000Z');
  let roundId: string;
  let admin: ApiClient;
  const codes = ['PVOTE001KEYB', 'PVOTE002FONE', 'PVOTE003SPAR'];
  const receipts: Record<string, string> = {};

  beforeAll(async () => {
    ensureFrontEndsBuilt();
    const port = await freePort();
    const back = `http://127.0.0.1:${port}/portaal/aanmelden/terug`;
    provider = await startProvider({
      accounts: { 'inwoner-ans': { birthdate: '1988-04-12', wijkcode: 'WIJK-1', name: 'Ans Jansen' } },
      clients: [{ ...RESIDENTS_CLIENT, redirect_uris: [back] }],
      claims: { profile: ['birthdate', 'name'], wijk: ['wijkcode'] },
    });
    api = await startTestApi(new InMemoryEventStore({ pollIntervalMs: 20 }), {
      port,
      clock: { now: () => now },
      env: { PROJECTOR_IN_PROCESS: 'true', MUNICIPALITY_NAME: 'Gemeente Voorbeeld', ...residentAuthEnv(provider, 'portal-vote-pseudonym-key-of-at-least-32-chars', TENANT), RESIDENT_AUTH_REDIRECT_URI: back },
    });
    admin = apiClient(api.url, await api.token('administrator', TENANT, 'staff-admin'));
    const reviewer = apiClient(api.url, await api.token('reviewer', TENANT, 'staff-reviewer'));

    // A burgerbegroting: approval, at most €100.000 of plans per ballot; three plans in Wijk 1 reach the ballot.
    const budget = await admin.POST('/budgets', {
      body: { from: 'stadsdeel-burgerbegroting', decision: { body: 'council', number: 'RB-2026-31', date: '2026-01-15' }, ballot: { type: 'approval', minPlans: 1, costCapCents: 10_000_000 } } as never,
    });
    expect(budget.response.status).toBe(201);
    const planned = await admin.POST('/rounds', {
      body: { budgetId: budget.data!.id, year: 2026, schedule: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }, { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' }] },
    });
    roundId = planned.data!.id;
    const round = { path: { roundId } };
    const advance = async (to: 'submission' | 'support' | 'feasibility' | 'voting') => {
      const moved = await admin.POST('/rounds/{roundId}/phase-transitions', { params: round, body: { to, reason: `Planning: ${to}` } });
      expect(moved.response.status).toBe(201);
    };
    now = new Date('2026-02-01T08:00:00.000Z');
    await advance('submission');
    const plans: string[] = [];
    for (const [title, cents, theme] of [['Speeltuin', 4_500_000, 'spelen'], ['Bomen', 3_000_000, 'groen'], ['Fontein', 5_000_000, 'water']] as const) {
      const entered = await admin.POST('/rounds/{roundId}/proposals', {
        params: round,
        body: { areaId: 'WIJK-1', themeId: theme, title, summary: `${title}: uitgewerkt plan van bewoners`, costEstimate: { investmentCents: cents, maintenancePerYearCents: 0, maintenanceYears: 0 } },
      });
      plans.push(entered.data!.id);
    }
    now = new Date('2026-04-01T08:00:00.000Z');
    await advance('support');
    for (const proposalId of plans) for (let i = 0; i < 10; i++) await admin.POST('/proposals/{proposalId}/support', { params: { path: { proposalId } }, body: { supporterRef: `ps-${proposalId.slice(0, 8)}-${i}` } });
    await advance('feasibility');
    const template = await admin.GET('/budget-templates/{name}', { params: { path: { name: 'stadsdeel-burgerbegroting' } } });
    for (const proposalId of plans) {
      for (const { id: criterionId } of template.data!.frame.criteria) await reviewer.POST('/proposals/{proposalId}/verdicts', { params: { path: { proposalId } }, body: { criterionId, outcome: 'met', reason: 'Voldoet' } });
      const admitted = await admin.POST('/proposals/{proposalId}/admission', { params: { path: { proposalId } }, body: { admitted: true, reason: 'Alle criteria voldaan' } });
      expect(admitted.response.status).toBe(200);
    }
    now = new Date('2026-06-01T07:00:00.000Z');
    await advance('voting');
    const roll = await admin.POST('/rounds/{roundId}/voter-roll', {
      params: round,
      body: ['code,area,age_band', ...codes.map((code) => `${code},WIJK-1,25-44`)].join('\n') + '\n',
      bodySerializer: (csv: string) => csv,
      headers: { 'content-type': 'text/csv' },
    } as never);
    expect(roll.response.status).toBe(201);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.close();
  });

  /** The text of `selector`, with the no-break spaces of amounts as plain spaces. */
  const text = async (page: Page, selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').replace(/\u00a0/g, ' ');
  const fresh = async (options: Parameters<typeof newContext>[1] = {}): Promise<Page> => (await newContext(browser, options)).newPage();

  it('signs a voter in with a code (a wrong code first), refuses a ballot over the cost cap before sending, and takes one by keyboard only', async () => {
    const page = await fresh();
    await page.goto(`${api.url}/portaal/rondes/${roundId}/aanmelden`);
    await page.waitForSelector('main h1:text-is("Aanmelden om te stemmen")');
    expect(await page.isVisible('button:text-is("Aanmelden bij de gemeente")')).toBe(true);
    await checkPage(page, 'portaal-aanmelden');
    // An empty code is caught on the page; an unknown one by the api, in plain words.
    await page.click('button:text-is("Aanmelden met code")');
    expect(await page.locator(':focus').getAttribute('class')).toContain('ib-error-summary');
    const wrong = await signInWithCode(page, api.url, roundId, 'ZZZZ-ZZZZ-ZZZZ');
    expect(wrong).toEqual({ ok: false, text: 'Deze stemcode kennen wij niet. Controleer de code in uw brief en probeer het opnieuw.' });
    expect(await page.getAttribute('#voting-code', 'aria-invalid')).toBe('true');
    await checkPage(page, 'portaal-aanmelden-fout');
    const right = await signInWithCode(page, api.url, roundId, codes[0]!);
    expect(right).toEqual({ ok: true, text: 'U bent nog niet eerder aangemeld voor deze stemming.' });
    await checkPage(page, 'portaal-aanmelden-gelukt');

    // The ballot: the rules in words, the running total against the cap, announced politely.
    await page.click('text=Verder naar het stembiljet');
    await page.waitForSelector('main h1:text-is("Stemmen")');
    await page.waitForSelector('#ballot-plans');
    expect(await text(page, 'main')).toContain('Samen mogen de plannen hoogstens € 100.000,00 kosten.');
    expect(await page.getAttribute('#running-total', 'aria-live')).toBe('polite');
    expect((await tabThrough(page)).filter((r) => !r.visible)).toEqual([]);
    await checkPage(page, 'portaal-stemmen');
    for (const title of ['Speeltuin', 'Bomen', 'Fontein']) await page.getByRole('checkbox', { name: title, exact: true }).check();
    expect(await text(page, '#running-total')).toBe('U heeft 3 plannen gekozen. Samen kosten ze € 125.000,00. Dat is € 25.000,00 te veel.');
    await page.click('button:text-is("Stem uitbrengen")');
    expect(await page.locator(':focus').getAttribute('class')).toContain('ib-error-summary');
    expect(await text(page, '.ib-error-summary')).toContain('De plannen die u koos kosten samen € 125.000,00. Dat is meer dan € 100.000,00. Haal een plan weg.');
    await checkPage(page, 'portaal-stemmen-fout');
    // No ballot reached the api: the voter still casts for the first time.
    const receipt = await castBallot(page, api.url, roundId, ['Speeltuin', 'Bomen'], { keyboardOnly: true });
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await text(page, 'main')).toContain('U koos: Speeltuin, Bomen.');
    await checkPage(page, 'portaal-bevestiging');
    receipts.keyboard = receipt;

    // Back on the ballot: already voted, so the page offers to change the vote.
    await page.goto(`${api.url}/portaal/rondes/${roundId}/stemmen`);
    await page.waitForSelector('button:text-is("Stem wijzigen")');
    expect(await text(page, 'main')).toContain('U heeft al gestemd.');
  }, 90_000);

  it('takes a ballot on a phone, and signs a resident in at the municipality\'s provider to vote', async () => {
    const phone = await fresh(PHONE);
    expect((await signInWithCode(phone, api.url, roundId, codes[1]!)).ok).toBe(true);
    await phone.goto(`${api.url}/portaal/rondes/${roundId}/stemmen`);
    await phone.waitForSelector('#ballot-plans');
    // Nothing wider than the phone.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await checkPage(phone, 'portaal-stemmen-telefoon');
    receipts.phoneFirst = await castBallot(phone, api.url, roundId, ['Speeltuin']);
    await checkPage(phone, 'portaal-bevestiging-telefoon');
    // While voting is open the voter may change the vote (PUT …/ballots/mine): a new receipt, and only that ballot counts.
    receipts.phone = await castBallot(phone, api.url, roundId, ['Speeltuin', 'Bomen']);
    expect(receipts.phone).not.toBe(receipts.phoneFirst);
    expect(await text(phone, 'main')).toContain('Uw stem is gewijzigd. Alleen deze laatste stem telt.');

    const resident = await fresh();
    const earlier = await signInWithProvider(resident, api.url, roundId, 'inwoner-ans');
    expect(earlier).toBe('U bent nog niet eerder aangemeld voor deze stemming.');
    await checkPage(resident, 'portaal-aanmelden-gemeente');
    receipts.resident = await castBallot(resident, api.url, roundId, ['Fontein']);
    // Signing in again: the page says when this resident signed in before.
    const again = await signInWithProvider(resident, api.url, roundId, 'inwoner-ans');
    expect(again).toMatch(/^U was eerder aangemeld op \d{1,2} juni 2026 om \d{2}:\d{2}\. Dat was 1 keer\.$/);
  }, 90_000);

  it('says a receipt can be checked only after voting, and that there is no result yet', async () => {
    const page = await fresh();
    const open = await checkReceipt(page, api.url, roundId, receipts.keyboard!);
    expect(open.error).toBe('De stemming is nog open. Na de stemming kunt u uw ontvangstbewijs controleren.');
    await checkPage(page, 'portaal-ontvangstbewijs-open');
    const malformed = await checkReceipt(page, api.url, roundId, 'te-kort');
    expect(malformed.error).toContain('Dit is geen geldig ontvangstbewijs.');
    expect(await openResult(page, api.url, roundId)).toEqual({ rows: [], notice: 'Er is nog geen uitslag. Die komt na de stemming, als de stemmen zijn geteld.' });
    await checkPage(page, 'portaal-uitslag-leeg');
  }, 30_000);

  it('after the close and adoption: the receipt was counted, "my result" says which plans won and why, and the result page shows the outcome', async () => {
    const round = { path: { roundId } };
    now = new Date('2026-06-15T07:00:00.000Z');
    expect((await admin.POST('/rounds/{roundId}/phase-transitions', { params: round, body: { to: 'counting', reason: 'Stemperiode gesloten' } })).response.status).toBe(201);
    expect((await admin.POST('/rounds/{roundId}/result', { params: round, body: { reason: 'Stemperiode gesloten' } })).response.status).toBe(201);
    now = new Date('2026-06-23T14:00:00.000Z');
    expect((await admin.POST('/rounds/{roundId}/phase-transitions', { params: round, body: { to: 'adoption', reason: 'Planning: adoption' } })).response.status).toBe(201);
    const adopted = await admin.POST('/rounds/{roundId}/result/adoption', { params: round, body: { reason: 'Het college volgt de stemming', decision: { body: 'college', number: 'CB-2026-301', date: '2026-06-23' } } });
    expect(adopted.response.status).toBe(201);
    await api.app.get(Reactors).caughtUp(20_000);

    const page = await fresh();
    const mine = await checkReceipt(page, api.url, roundId, receipts.keyboard!);
    expect(mine.error).toBeNull();
    expect(mine.status).toContain('Uw stem is meegeteld.');
    expect(mine.status).toContain('De uitslag is vastgesteld.');
    expect(mine.myResult.map((row) => [row[0]!.replace(/€.*/, '').trim(), row[1]])).toEqual([
      ['Speeltuin', 'Gekozen'],
      ['Bomen', expect.stringMatching(/^(Niet gekozen|Gekozen)$/)],
    ]);
    expect(mine.myResult[0]![3]).toBe('Gekozen: het plan paste in het budget.');
    await checkPage(page, 'portaal-mijn-uitslag');
    const replaced = await checkReceipt(page, api.url, roundId, receipts.phoneFirst!);
    expect(replaced.status).toBe('Deze stem telt niet meer. Er is later een nieuwe stem uitgebracht (online). Alleen die nieuwe stem telt.');
    await checkPage(page, 'portaal-ontvangstbewijs-vervangen');

    const result = await openResult(page, api.url, roundId);
    expect(result.notice).toBeNull();
    expect(result.rows.map((row) => row[0])).toContain('Speeltuin');
    const speeltuin = result.rows.find((row) => row[0] === 'Speeltuin')!;
    expect(speeltuin.slice(1, 4)).toEqual(['Gekozen', '2', '€ 45.000,00']);
    expect(result.rows.find((row) => row[0] === 'Bomen')!.slice(1, 3)).toEqual(['Gekozen', '2']);
    expect(await text(page, 'main')).toContain('Het bestuur heeft de uitslag vastgesteld.');
    await checkPage(page, 'portaal-uitslag');
    await page.click('button[lang="en"]');
    await page.waitForSelector('main h1:text-is("Result")');
    await checkPage(page, 'portaal-uitslag-en');
  }, 90_000);
});
