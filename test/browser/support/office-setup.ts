import type { Page } from 'playwright-core';
import { until } from './browser.js';

/**
 * The back office's setup steps, each one user task through the UI only (pages under
 * apps/web/src/beheer/setup/). Each expects a signed-in civil servant in `page` (signInWithToken or
 * signInAtStaffProvider) with the role the API asks for: administrator, or reviewer for reviewPlan.
 */

const beheer = (baseUrl: string, path: string) => `${baseUrl}/beheer${path}`;

/** Waits until the page's h1 reads `text` (a navigation inside the app is done). */
async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('main h1', { hasText: text }).waitFor();
}

/**
 * A civil servant signs in at the municipality's OIDC provider (its development login: any password)
 * as `account`, and lands on `path` of the back office. Precondition: the API runs with AUTH_ISSUER and
 * BACKOFFICE_CLIENT_ID of that provider (test/browser/support/staff-provider.ts).
 */
export async function signInAtStaffProvider(page: Page, baseUrl: string, account: string, path = '/'): Promise<void> {
  await page.goto(beheer(baseUrl, `/aanmelden?terug=${encodeURIComponent(path)}`));
  await page.click('button:text-is("Aanmelden bij de gemeente")');
  await page.waitForSelector('input[name="login"]');
  await page.fill('input[name="login"]', account);
  await page.fill('input[name="password"]', 'any password');
  await page.click('button[type="submit"]');
  // The consent page, the first time this account meets the client.
  const consent = page.locator('button:text-is("Continue")');
  const signedIn = page.locator('[data-testid="signed-in-as"]');
  await consent.or(signedIn).first().waitFor();
  if (await consent.isVisible()) await consent.click();
  await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === `/beheer${path}`.replace(/\/$/, ''));
  await page.locator('[data-testid="signed-in-as"]').waitFor();
}

/**
 * An administrator establishes a budget from a template (`/budgetten/nieuw`) under a council or
 * college decision; answers the new budget's id (the page goes on to plan a round under it).
 */
export async function createBudgetFromTemplate(
  page: Page,
  baseUrl: string,
  template: string,
  decision: { body: 'council' | 'college'; number: string; date: string },
  title?: string,
): Promise<string> {
  await page.goto(beheer(baseUrl, '/budgetten/nieuw'));
  await heading(page, 'Nieuw budget vaststellen');
  await page.locator(`#template option[value="${template}"]`).waitFor({ state: 'attached' });
  await page.selectOption('#template', template);
  if (title) await page.fill('#budget-name', title);
  await page.check(`#decision-body-${decision.body}`);
  await page.fill('#decision-number', decision.number);
  await page.fill('#decision-date', decision.date);
  await page.click('button:text-is("Budget vaststellen")');
  await page.waitForURL(/\/beheer\/rondes\/nieuw\?budget=/);
  await heading(page, 'Nieuwe ronde plannen');
  return new URL(page.url()).searchParams.get('budget')!;
}

export interface ScheduledPhase {
  phase: string;
  opensOn: string;
  closesOn?: string;
}

/**
 * An administrator plans a round under `budgetId` (`/rondes/nieuw`) with the dates of the residents'
 * phases (for a burgerbegroting: submission, support, voting); answers the round's id.
 */
export async function planRound(page: Page, baseUrl: string, budgetId: string, round: { year: number; schedule: ScheduledPhase[]; title?: string }): Promise<string> {
  await page.goto(beheer(baseUrl, `/rondes/nieuw?budget=${encodeURIComponent(budgetId)}`));
  await heading(page, 'Nieuwe ronde plannen');
  await page.locator(`#budget option[value="${budgetId}"]`).waitFor({ state: 'attached' });
  await page.selectOption('#budget', budgetId);
  await page.fill('#year', String(round.year));
  if (round.title) await page.fill('#round-name', round.title);
  for (const entry of round.schedule) {
    await page.fill(`#schedule-${entry.phase}-opens`, entry.opensOn);
    if (entry.closesOn) await page.fill(`#schedule-${entry.phase}-closes`, entry.closesOn);
  }
  await page.click('button:text-is("Ronde plannen")');
  await page.waitForURL(/\/beheer\/rondes\/[0-9a-f-]{36}$/);
  await heading(page, /^Ronde: /);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/**
 * An administrator moves the round to its next phase on the round's page, with a reason. `to` (the
 * phase's Dutch name is not needed: the API's name, e.g. 'submission') is checked against the page's
 * next phase when given. Answers the text the page shows: the success, or the refusal in words.
 */
export async function advancePhase(page: Page, baseUrl: string, roundId: string, to?: string, reason = 'Volgens de planning'): Promise<{ ok: boolean; text: string }> {
  await page.goto(beheer(baseUrl, `/rondes/${roundId}`));
  await heading(page, /^Ronde: /);
  await page.locator('#advance-reason').waitFor();
  const before = await page.textContent('[data-testid="round-phase"]');
  await page.fill('#advance-reason', reason);
  await page.click('form button[type="submit"]:has-text("Naar ")');
  const done = page.locator('[role="status"]', { hasText: 'De ronde is nu in de fase' });
  const refused = page.locator('.ib-error-summary');
  await done.or(refused).first().waitFor();
  if (await refused.isVisible()) return { ok: false, text: (await refused.textContent()) ?? '' };
  await until('the new phase shown', async () => (await page.textContent('[data-testid="round-phase"]')) !== before);
  if (to) {
    const now = (await page.getAttribute('[aria-current="step"]', 'data-phase')) ?? '';
    if (now !== to) throw new Error(`The round moved to ${now}, not ${to}`);
  }
  return { ok: true, text: (await done.textContent()) ?? '' };
}

/** An administrator makes every plan awaiting moderation in the round public (`/rondes/:roundId/moderatie`); answers how many. */
export async function moderateAll(page: Page, baseUrl: string, roundId: string): Promise<number> {
  await page.goto(beheer(baseUrl, `/rondes/${roundId}/moderatie`));
  await heading(page, 'Nieuwe plannen controleren');
  let count = 0;
  const first = page.locator('main button:has-text("Openbaar maken")').first();
  const empty = page.locator('[data-testid="moderation-empty"]');
  for (;;) {
    await first.or(empty).first().waitFor();
    if (await empty.isVisible()) return count;
    const title = (await page.locator('main .ib-card h2').first().textContent()) ?? '';
    await first.click();
    await page.locator('[role="status"]', { hasText: `"${title}" is openbaar gemaakt.` }).waitFor();
    count++;
    await page.locator('main .ib-card h2', { hasText: title }).waitFor({ state: 'detached' });
  }
}

/**
 * A reviewer gives a verdict on every published criterion of a plan (`/plannen/:proposalId/beoordeling`):
 * 'all-feasible' (every criterion met) or per criterion id an outcome with its reason (criteria left
 * out are met). Answers the page's confirmation or its error summary.
 */
export async function reviewPlan(
  page: Page,
  baseUrl: string,
  proposalId: string,
  verdicts: 'all-feasible' | Record<string, { outcome: 'met' | 'not_met' | 'needs_revision'; reason: string }>,
): Promise<{ ok: boolean; text: string }> {
  await page.goto(beheer(baseUrl, `/plannen/${proposalId}/beoordeling`));
  await heading(page, /^Plan beoordelen: /);
  await page.locator('main fieldset[id^="verdict-"]').first().waitFor();
  const ids = await page.locator('main fieldset[id^="verdict-"]').evaluateAll((sets) => sets.map((s) => s.id.slice('verdict-'.length)));
  for (const id of ids) {
    const own = verdicts === 'all-feasible' ? undefined : verdicts[id];
    await page.check(`#verdict-${id}-${own?.outcome ?? 'met'}`);
    await page.fill(`#reason-${id}`, own?.reason ?? 'Voldoet');
  }
  await page.click('button:text-is("Oordelen opslaan")');
  const saved = page.locator('[role="status"]', { hasText: 'Uw oordelen zijn opgeslagen' });
  const refused = page.locator('.ib-error-summary');
  await saved.or(refused).first().waitFor();
  if (await refused.isVisible()) return { ok: false, text: (await refused.textContent()) ?? '' };
  return { ok: true, text: (await saved.textContent()) ?? '' };
}

/** The bulk page's outcome: the plans that succeeded and those that failed, with the reason in words. */
export interface BulkOutcome {
  text: string;
  failed: number;
  succeeded: number;
}

async function bulk(page: Page, baseUrl: string, roundId: string, action: 'admit' | 'refuse' | 'select', titles: string[] | 'all', reason: string): Promise<BulkOutcome> {
  await page.goto(beheer(baseUrl, `/rondes/${roundId}/toelating`));
  await heading(page, 'Toelaten en selecteren');
  await page.locator('#pick-all').waitFor();
  if (titles === 'all') await page.check('#pick-all');
  else for (const title of titles) await page.getByLabel(title, { exact: true }).check();
  await page.check(`#action-${action}`);
  await page.fill('#bulk-reason', reason);
  await page.click('button:text-is("Uitvoeren voor de gekozen plannen")');
  const result = page.locator('[data-testid="bulk-result"]');
  await result.waitFor();
  const text = (await result.textContent()) ?? '';
  const count = (label: string) => Number(new RegExp(`${label} \\((\\d+)\\)`).exec(text)?.[1] ?? 0);
  return { text, succeeded: count('Gelukt'), failed: count('Niet gelukt') };
}

/** An administrator admits the chosen plans (default: all of the round's) to the ballot in one action (`/rondes/:roundId/toelating`). */
export function admitAll(page: Page, baseUrl: string, roundId: string, titles: string[] | 'all' = 'all', reason = 'Voldoet aan alle criteria'): Promise<BulkOutcome> {
  return bulk(page, baseUrl, roundId, 'admit', titles, reason);
}

/** An administrator refuses the chosen plans for the ballot, with the reason. */
export function refusePlans(page: Page, baseUrl: string, roundId: string, titles: string[], reason: string): Promise<BulkOutcome> {
  return bulk(page, baseUrl, roundId, 'refuse', titles, reason);
}

/** An administrator records the selection of the chosen plans as the adopted result says (a frame with selection: manual). */
export function selectPlans(page: Page, baseUrl: string, roundId: string, titles: string[] | 'all' = 'all', reason = 'Uitslag vastgesteld'): Promise<BulkOutcome> {
  return bulk(page, baseUrl, roundId, 'select', titles, reason);
}

/** A reviewer declares their own conflict of interest for a plan (`/plannen/:proposalId/beoordeling`); afterwards the page says they cannot review it. */
export async function declareConflict(page: Page, baseUrl: string, proposalId: string, reason: string): Promise<void> {
  await page.goto(beheer(baseUrl, `/plannen/${proposalId}/beoordeling`));
  await heading(page, /^Plan beoordelen: /);
  await page.fill('#conflict-reason', reason);
  await page.click('button:text-is("Belang melden")');
  await page.locator('text=U heeft een belang gemeld bij dit plan.').waitFor();
}
