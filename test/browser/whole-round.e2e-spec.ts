import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { InMemoryEventStore } from '@lib/event-store';
import { RESIDENTS_CLIENT, residentAuthEnv, type RunningProvider, startProvider } from '../security/support/oidc-provider.js';
import { startTestApi, TENANT, type TestApi } from '../support/test-api.js';
import { signInWithToken } from './support/back-office.js';
import { checkPage, ensureFrontEndsBuilt, launchBrowser, newContext, PHONE } from './support/browser.js';
import { adoptResult, closeVoting, countAndPublish, generateCodes } from './support/office-voting.js';
import { admitAll, advancePhase, createBudgetFromTemplate, moderateAll, planRound, reviewPlan } from './support/office-setup.js';
import { submitPlan, supportPlan } from './support/portal-plans.js';
import { castBallot, checkReceipt, openResult, signInWithCode } from './support/portal-vote.js';

jest.setTimeout(600_000);

/** A free loopback port: the api's address must be known before it starts (the residents' provider's redirect URI). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Every page path the two front ends route (the `path: '…'` of each area's routes), per front end. */
function routedPaths(): { portaal: string[]; beheer: string[] } {
  const found = { portaal: new Set<string>(), beheer: new Set<string>() };
  const walk = (dir: string, into: Set<string>) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, into);
      else if (/routes\.tsx$/.test(entry.name)) for (const match of readFileSync(path, 'utf8').matchAll(/path[:=]\s*["']([^"']+)["']/g)) if (match[1] !== '*') into.add(match[1]!);
    }
  };
  walk(join(process.cwd(), 'apps/web/src/portaal'), found.portaal);
  walk(join(process.cwd(), 'apps/web/src/beheer'), found.beheer);
  return { portaal: [...found.portaal].sort(), beheer: [...found.beheer].sort() };
}

/**
 * Issue #17, done-when 1 and 2: a whole burgerbegroting round through the two front ends only, in
 * real Chromium, with no direct api call: staff set the round up, residents (signed in at the
 * municipality's provider) submit and support plans, staff moderate, review and admit, residents vote
 * with their codes (one by keyboard only, one on a phone), staff close, count and adopt, and a
 * resident checks the receipt and "my result". Then every page of both front ends is visited and
 * passes axe-core's WCAG 2.2 A/AA rules, with a screenshot in test-artifacts/. The test moves only
 * the api's clock (the round's dates), as time would.
 */
describe('a whole burgerbegroting round through the portal and the back office', () => {
  let provider: RunningProvider;
  let api: TestApi;
  let browser: Browser;
  let now = new Date('2026-01-20T09:00:00.000Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const ids: { budgetId?: string; roundId?: string; plans: Record<string, string>; receipt?: string } = { plans: {} };
  const contexts: BrowserContext[] = [];
  const fresh = async (options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> => {
    const context = await newContext(browser, options);
    contexts.push(context);
    return context.newPage();
  };
  /** A civil servant's tab, signed in afresh (development tokens live 10 minutes). */
  const staff = async (role: 'administrator' | 'reviewer', subject: string): Promise<Page> => {
    const page = await fresh();
    await signInWithToken(page, api.url, await api.token(role, TENANT, subject));
    return page;
  };

  /** A resident signs in at the municipality's provider (its login form, any password) from the portal's sign-in page, to `back`. */
  const residentSignsIn = async (page: Page, roundId: string, account: string, back: string, check?: string) => {
    await page.goto(`${api.url}/portaal/rondes/${roundId}/aanmelden?terug=${encodeURIComponent(back)}`);
    await page.click('button:text-is("Aanmelden bij de gemeente")');
    const home = `${api.url}/portaal/aanmelden/terug`;
    for (let step = 0; step < 6; step++) {
      await page.waitForURL((url) => url.href.startsWith(home) || url.origin !== new URL(api.url).origin);
      if (page.url().startsWith(home)) break;
      await page.waitForSelector('form');
      const login = await page.$('input[name="login"]');
      if (login) {
        await login.fill(account);
        await page.fill('input[name="password"]', 'anything');
      }
      const current = page.url();
      await page.click('button[type="submit"], input[type="submit"]');
      await page.waitForURL((url) => url.href !== current);
    }
    await page.waitForSelector('[data-testid="resident-signed-in"]');
    if (check) await checkPage(page, check);
    await page.click('[data-testid="resident-signed-in"] a');
  };

  beforeAll(async () => {
    ensureFrontEndsBuilt();
    const port = await freePort();
    const back = `http://127.0.0.1:${port}/portaal/aanmelden/terug`;
    provider = await startProvider({
      accounts: {
        'inwoner-ans': { birthdate: '1988-04-12', wijkcode: 'WIJK-1' },
        'inwoner-bram': { birthdate: '1975-09-30', wijkcode: 'WIJK-1' },
        'inwoner-chris': { birthdate: '2001-02-14', wijkcode: 'WIJK-2' },
      },
      clients: [{ ...RESIDENTS_CLIENT, redirect_uris: [back] }],
      claims: { profile: ['birthdate'], wijk: ['wijkcode'] },
    });
    api = await startTestApi(new InMemoryEventStore({ pollIntervalMs: 20 }), {
      port,
      clock: { now: () => now },
      env: { PROJECTOR_IN_PROCESS: 'true', MUNICIPALITY_NAME: 'Gemeente Voorbeeld', ...residentAuthEnv(provider, 'whole-round-pseudonym-key-of-at-least-32-chars', TENANT), RESIDENT_AUTH_REDIRECT_URI: back },
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await api?.close();
    await provider?.close();
  });

  it('runs from the council frame to the resident checking "my result", through the two front ends only', async () => {
    // 1. Staff set up the round: a budget from the burgerbegroting template, the round and its dates; submission opens on its day.
    const admin = await staff('administrator', 'staff-admin');
    ids.budgetId = await createBudgetFromTemplate(admin, api.url, 'stadsdeel-burgerbegroting', { body: 'council', number: 'RB-2026-07', date: '2026-01-15' });
    const roundId = await planRound(admin, api.url, ids.budgetId, {
      year: 2026,
      schedule: [
        { phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' },
        { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' },
      ],
    });
    ids.roundId = roundId;
    at('2026-02-01T08:00:00.000Z');
    expect((await advancePhase(admin, api.url, roundId, 'submission')).ok).toBe(true);

    // 2. Residents sign in at the municipality's provider and submit their plans; staff moderate them into the round.
    at('2026-02-10T10:00:00.000Z');
    const ans = await fresh();
    await residentSignsIn(ans, roundId, 'inwoner-ans', `/rondes/${roundId}/mijn-plannen/nieuw`);
    ids.plans.speeltuin = await submitPlan(ans, api.url, roundId, { title: 'Speeltuin Oosterpark', summary: 'Nieuwe speeltoestellen en een bankje bij de vijver', areaCode: 'WIJK-1', themeId: 'spelen', investmentEuros: 20_000 });
    ids.plans.bomen = await submitPlan(ans, api.url, roundId, { title: 'Bomen langs de Dapperstraat', summary: 'Tien bomen voor schaduw en groen in de straat', areaCode: 'WIJK-1', investmentEuros: 40_000 });
    const chris = await fresh(PHONE);
    await residentSignsIn(chris, roundId, 'inwoner-chris', `/rondes/${roundId}/mijn-plannen/nieuw`);
    ids.plans.moestuin = await submitPlan(chris, api.url, roundId, { title: 'Moestuin bij de school', summary: 'Een moestuin waar kinderen en buren samen tuinieren', areaCode: 'WIJK-2', investmentEuros: 30_000 });
    expect(await moderateAll(admin, api.url, roundId)).toBe(3);

    // 3. Support: residents back each other's plans.
    at('2026-04-01T08:00:00.000Z');
    expect((await advancePhase(admin, api.url, roundId, 'support')).ok).toBe(true);
    const bram = await fresh();
    await residentSignsIn(bram, roundId, 'inwoner-bram', `/rondes/${roundId}`);
    for (const title of ['Speeltuin Oosterpark', 'Bomen langs de Dapperstraat', 'Moestuin bij de school']) await supportPlan(bram, api.url, roundId, title);
    await supportPlan(ans, api.url, roundId, 'Moestuin bij de school');
    await supportPlan(chris, api.url, roundId, 'Speeltuin Oosterpark');

    // 4. Feasibility: a reviewer judges every published criterion of every plan; staff admit all three to the ballot in one action.
    expect((await advancePhase(admin, api.url, roundId, 'feasibility')).ok).toBe(true);
    const reviewer = await staff('reviewer', 'staff-reviewer');
    for (const proposalId of Object.values(ids.plans)) expect((await reviewPlan(reviewer, api.url, proposalId, 'all-feasible')).ok).toBe(true);
    const admitted = await admitAll(admin, api.url, roundId, 'all', 'Alle criteria voldaan');
    expect(admitted.failed).toBe(0);
    expect(admitted.succeeded).toBe(3);

    // 5. Voting opens on its day; staff generate the voting codes and take them from the print file.
    at('2026-06-01T07:00:00.000Z');
    const voting = await staff('administrator', 'staff-admin');
    expect((await advancePhase(voting, api.url, roundId, 'voting')).ok).toBe(true);
    const codes = await generateCodes(voting, api.url, roundId, { count: 3, area: 'WIJK-1' });
    expect(codes).toHaveLength(3);

    // 6. Residents vote with their codes: one by keyboard only (sign-in and ballot), one on a phone-sized screen.
    at('2026-06-05T19:00:00.000Z');
    const keyboard = await fresh();
    await keyboard.goto(`${api.url}/portaal/rondes/${roundId}/aanmelden`);
    await keyboard.waitForSelector('#voting-code');
    for (let i = 0; i < 30; i++) {
      await keyboard.keyboard.press('Tab');
      if ((await keyboard.evaluate('document.activeElement && document.activeElement.id')) === 'voting-code') break;
    }
    await keyboard.keyboard.type(codes[0]!);
    await keyboard.keyboard.press('Enter');
    await keyboard.waitForSelector('[data-testid="earlier-sign-ins"]');
    const keyboardReceipt = await castBallot(keyboard, api.url, roundId, ['Speeltuin Oosterpark', 'Bomen langs de Dapperstraat'], { keyboardOnly: true });
    expect(keyboardReceipt).toMatch(/\S{20,}/);
    const phone = await fresh(PHONE);
    expect((await signInWithCode(phone, api.url, roundId, codes[1]!)).ok).toBe(true);
    const phoneReceipt = await castBallot(phone, api.url, roundId, ['Speeltuin Oosterpark']);
    // Nothing on the phone's ballot page is wider than its screen.
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    const third = await fresh();
    expect((await signInWithCode(third, api.url, roundId, codes[2]!)).ok).toBe(true);
    await castBallot(third, api.url, roundId, ['Bomen langs de Dapperstraat']);
    ids.receipt = keyboardReceipt;

    // 7. Voting closes; staff count, publish and adopt (the college follows the vote).
    at('2026-06-15T07:00:00.000Z');
    const count = await staff('administrator', 'staff-admin');
    await closeVoting(count, api.url, roundId);
    const { ballots, chosen } = await countAndPublish(count, api.url, roundId, 'Stemperiode gesloten');
    expect(ballots).toBe(3);
    expect(chosen).toEqual(expect.arrayContaining(['Bomen langs de Dapperstraat', 'Speeltuin Oosterpark']));
    at('2026-06-23T14:00:00.000Z');
    expect(await adoptResult(count, api.url, roundId, { body: 'college', number: 'CB-2026-140', date: '2026-06-23' })).toMatch(/\S/);

    // 8. A resident checks the receipt: counted, and "my result" says what became of the plans chosen; the result page shows the winners.
    const checking = await fresh(PHONE);
    const receipt = await checkReceipt(checking, api.url, roundId, keyboardReceipt);
    expect(receipt.error).toBeNull();
    expect(receipt.status).toMatch(/meegeteld/);
    const mine = receipt.myResult.map((row) => row.join(' '));
    expect(mine.some((row) => row.includes('Speeltuin Oosterpark'))).toBe(true);
    expect(mine.some((row) => row.includes('Bomen langs de Dapperstraat'))).toBe(true);
    const phoneCheck = await checkReceipt(checking, api.url, roundId, phoneReceipt);
    expect(phoneCheck.error).toBeNull();
    const result = await openResult(checking, api.url, roundId);
    const won = result.rows.map((row) => row.join(' '));
    expect(won.some((row) => row.includes('Speeltuin Oosterpark'))).toBe(true);
  });

  it('visits every page of both front ends: none has a WCAG 2.2 A/AA violation, each is in test-artifacts/', async () => {
    expect(ids.roundId).toBeDefined();
    const fill = (path: string) =>
      path
        .replace(':roundId', ids.roundId!)
        .replace(':proposalId', ids.plans.speeltuin!)
        .replace(':budgetId', ids.budgetId!);
    const name = (prefix: string, path: string) => `${prefix}-alle-${path.replace(/^\//, '').replace(/[/:]+/g, '-').replace(/-+$/, '') || 'start'}`;
    const routes = routedPaths();
    expect(routes.portaal.length).toBeGreaterThanOrEqual(12);
    expect(routes.beheer.length).toBeGreaterThanOrEqual(15);

    const office = await staff('administrator', 'staff-admin');
    const visited: string[] = [];
    for (const path of routes.beheer) {
      if (path.startsWith('/aanmelden')) continue;
      await office.goto(`${api.url}/beheer${fill(path)}`);
      await checkPage(office, name('beheer', path));
      expect(await office.textContent('main h1')).not.toBe('Deze pagina bestaat niet');
      visited.push(`beheer ${path}`);
    }
    const signIn = await fresh();
    await signIn.goto(`${api.url}/beheer/aanmelden`);
    await checkPage(signIn, 'beheer-alle-aanmelden');
    visited.push('beheer /aanmelden');

    const resident = await fresh();
    await residentSignsIn(resident, ids.roundId!, 'inwoner-ans', `/rondes/${ids.roundId}`);
    for (const path of routes.portaal) {
      if (path === '/aanmelden/terug') continue;
      await resident.goto(`${api.url}/portaal${fill(path)}`);
      await checkPage(resident, name('portaal', path));
      expect(await resident.textContent('main h1')).not.toBe('Deze pagina bestaat niet');
      visited.push(`portaal ${path}`);
    }
    // The provider's return page was checked on the way in (residentSignsIn lands there first).
    const returning = await fresh();
    await residentSignsIn(returning, ids.roundId!, 'inwoner-bram', `/rondes/${ids.roundId}`, 'portaal-alle-aanmelden-terug');
    visited.push('portaal /aanmelden/terug');

    const every = [...routes.beheer.map((p) => `beheer ${p}`), ...routes.portaal.map((p) => `portaal ${p}`)].filter((p) => p !== 'beheer /aanmelden/terug');
    expect(visited.sort()).toEqual(every.sort());
  });
});
