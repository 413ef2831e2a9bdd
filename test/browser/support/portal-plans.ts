import type { Page } from 'playwright-core';
import { cssString, until } from './browser.js';

/**
 * A resident's tasks on the portal's plans pages, through the UI only (Dutch texts). Each waits for
 * what the page shows when the task is done, never for a fixed time.
 */

/** A plan as the resident types it into "Dien een plan in". Amounts in euros; empty maintenance means none. */
export interface PlanEntry {
  title: string;
  summary: string;
  /** The area's code as the round's frame knows it (e.g. WIJK-1). */
  areaCode: string;
  /** Default `groen`. */
  themeId?: string;
  investmentEuros: number | string;
  maintenancePerYearEuros?: number | string;
  maintenanceYears?: number;
  /** Default `Inwoner Test`. */
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
}

/** What changes in an amendment: the fields given are replaced, the rest kept; a reason is required by the form. */
export interface PlanAmendment {
  title?: string;
  summary?: string;
  investmentEuros?: number | string;
  maintenancePerYearEuros?: number | string;
  maintenanceYears?: number;
  reason: string;
}

const amount = (value: number | string) => (typeof value === 'number' ? String(value).replace('.', ',') : value);

/**
 * Test set-up only (stands in for the sign-in page another area owns): the page will hold this
 * resident (or voter) token in sessionStorage from its next load on. Call before the first `goto`.
 */
export async function holdResidentToken(page: Page, token: string, key = 'ib.resident'): Promise<void> {
  // Runs in the page (the project's own type-check has no DOM library, so the code goes as text).
  await page.addInitScript(`window.sessionStorage.setItem(${JSON.stringify(key)}, JSON.stringify({ token: ${JSON.stringify(token)}, expiresAt: Date.now() + 600000 }))`);
}

/** The value of a query parameter in the page's address ('' when absent). */
const inAddress = (page: Page, name: string) => new URL(page.url()).searchParams.get(name) ?? '';

/** Waits until the plans list shows the answer for the filters now in the address. */
async function plansShownForAddress(page: Page): Promise<void> {
  const key = ['q', 'areaId', 'themeId', 'status'].map((name) => inAddress(page, name)).join('|');
  await page.waitForSelector(`[role="status"][data-loaded-for=${cssString(key)}]`, { state: 'attached' });
}

/** The titles of the plans the list shows now. */
export async function shownPlanTitles(page: Page): Promise<string[]> {
  return page.locator('.ib-cards > li h2').allTextContents();
}

/**
 * Opens a round's plans page (`/portaal/rondes/:roundId`, optionally with a query such as
 * `?q=bank`) and waits until its plans (or "no plans") are shown. Returns the titles shown.
 * Precondition: the round exists; plans show once staff moderated them in.
 */
export async function openRoundPlans(page: Page, baseUrl: string, roundId: string, query = ''): Promise<string[]> {
  await page.goto(`${baseUrl}/portaal/rondes/${roundId}${query}`);
  await page.waitForSelector('main h1:text-is("Plannen in deze ronde")');
  await plansShownForAddress(page);
  return shownPlanTitles(page);
}

/** On the plans page: searches for `text` (the words go into the address as `q`). Returns the titles found. */
export async function searchPlans(page: Page, text: string): Promise<string[]> {
  await page.fill('#q', text);
  await page.click('form[role="search"] button[type="submit"]');
  await until(`the search for ${JSON.stringify(text)} in the address`, async () => inAddress(page, 'q') === text.trim());
  await plansShownForAddress(page);
  return shownPlanTitles(page);
}

/** On the plans page: chooses filters by their value (area code, theme id, status; '' = all) and searches. Returns the titles found. */
export async function filterPlans(page: Page, filters: { areaId?: string; themeId?: string; status?: string }): Promise<string[]> {
  for (const [name, value] of Object.entries(filters)) if (value !== undefined) await page.selectOption(`#${name}`, value);
  await page.click('form[role="search"] button[type="submit"]');
  await until(`the filters ${JSON.stringify(filters)} in the address`, async () => Object.entries(filters).every(([name, value]) => inAddress(page, name) === (value ?? '')));
  await plansShownForAddress(page);
  return shownPlanTitles(page);
}

/** Fills the plan form's fields that are given (a new plan, or an amendment). */
async function fillPlan(page: Page, plan: Partial<PlanEntry> & { reason?: string }): Promise<void> {
  if (plan.title !== undefined) await page.fill('#plan-title', plan.title);
  if (plan.summary !== undefined) await page.fill('#plan-summary', plan.summary);
  if (plan.areaCode !== undefined) await page.fill('#plan-area', plan.areaCode);
  if (plan.themeId !== undefined) await page.fill('#plan-theme', plan.themeId);
  if (plan.investmentEuros !== undefined) await page.fill('#plan-investment', amount(plan.investmentEuros));
  if (plan.maintenancePerYearEuros !== undefined) await page.fill('#plan-maintenance', amount(plan.maintenancePerYearEuros));
  if (plan.maintenanceYears !== undefined) await page.fill('#plan-years', String(plan.maintenanceYears));
  if (plan.contactName !== undefined) await page.fill('#plan-name', plan.contactName);
  if (plan.contactEmail !== undefined) await page.fill('#plan-email', plan.contactEmail);
  if (plan.contactPhone !== undefined) await page.fill('#plan-phone', plan.contactPhone);
  if (plan.reason !== undefined) await page.fill('#plan-reason', plan.reason);
}

/** Opens "Dien een plan in" for the round and waits for its form. Precondition: the page holds a resident or voter token. */
export async function openNewPlan(page: Page, baseUrl: string, roundId: string): Promise<void> {
  await page.goto(`${baseUrl}/portaal/rondes/${roundId}/mijn-plannen/nieuw`);
  await page.waitForSelector('main h1:text-is("Dien een plan in")');
  await page.waitForSelector('#plan-title');
}

/** On "Dien een plan in": fills what is given and sends it, without waiting for any outcome. */
export async function fillAndSendPlan(page: Page, plan: Partial<PlanEntry>): Promise<void> {
  await fillPlan(page, plan);
  await page.click('button:text-is("Plan indienen")');
}

/** The messages in the form's error summary (after a refused send). */
export async function errorSummary(page: Page): Promise<string[]> {
  await page.waitForSelector('.ib-error-summary');
  return page.locator('.ib-error-summary li').allTextContents();
}

/**
 * Submits a plan through "Dien een plan in" and waits for the confirmation on the plan's own page.
 * Returns the new plan's id. Preconditions: the page holds a resident or voter token of the round;
 * the round takes plans (its submission phase).
 */
export async function submitPlan(page: Page, baseUrl: string, roundId: string, plan: PlanEntry): Promise<string> {
  await openNewPlan(page, baseUrl, roundId);
  await fillAndSendPlan(page, { themeId: 'groen', contactName: 'Inwoner Test', ...plan });
  await page.waitForURL(/\/mijn-plannen\/[^/?]+\?ingediend=1$/);
  await page.waitForSelector('text=Uw plan is ingediend. Dank u wel!');
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Opens one of the resident's own plans and waits until it is shown. Precondition: a token of its submitter. */
export async function openMyPlan(page: Page, baseUrl: string, roundId: string, proposalId: string): Promise<void> {
  await page.goto(`${baseUrl}/portaal/rondes/${roundId}/mijn-plannen/${proposalId}`);
  await page.waitForSelector('main h2:text-is("Waar staat uw plan?")');
}

/**
 * Amends one of the resident's own plans on its page and waits for "Uw plan is aangepast". Returns the
 * version number it now has. Preconditions: the submitter's token; the plan is still amendable (before the intake deadline).
 */
export async function amendPlan(page: Page, baseUrl: string, roundId: string, proposalId: string, changes: PlanAmendment): Promise<number> {
  // Already on the plan's page (e.g. after an earlier amendment): stay, so the page keeps the ETag it holds.
  if (!page.url().startsWith(`${baseUrl}/portaal/rondes/${roundId}/mijn-plannen/${proposalId}`)) await openMyPlan(page, baseUrl, roundId, proposalId);
  await page.waitForSelector('#plan-reason');
  await fillPlan(page, changes);
  const versions = await page.locator('[data-testid="versions"] tbody tr').count();
  await page.click('button:text-is("Aanpassing opslaan")');
  const done = await page.waitForSelector(`text=Uw plan is aangepast. Dit is nu versie ${versions + 1}.`);
  return Number(/versie (\d+)/.exec((await done.textContent()) ?? '')![1]);
}

/** Opens the resident's list "Mijn plannen" and waits for it; returns the rows as [title, status]. */
export async function openMyPlans(page: Page, baseUrl: string, roundId: string): Promise<string[][]> {
  await page.goto(`${baseUrl}/portaal/rondes/${roundId}/mijn-plannen`);
  await page.waitForSelector('main h1:text-is("Mijn plannen")');
  await page.locator('main table.utrecht-table').or(page.getByText('U heeft in deze ronde nog geen plan ingediend.')).first().waitFor();
  return page.locator('table.utrecht-table tbody tr').evaluateAll((rows) => rows.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelector('td')?.textContent ?? '']));
}

/** From the round's plans page, opens the plan with this title and waits for its page. Returns its id. */
export async function openPlan(page: Page, baseUrl: string, roundId: string, title: string): Promise<string> {
  await openRoundPlans(page, baseUrl, roundId);
  await page.click(`.ib-cards a:text-is("${title}")`);
  await page.waitForSelector(`main h1:text-is("${title}")`);
  await page.waitForSelector('#support-heading');
  return new URL(page.url()).pathname.split('/').pop()!;
}

/**
 * Supports the plan with this title: opens it from the round's plans, presses "Steun dit plan" and
 * waits for the thanks. Returns its id. Preconditions: the page holds a resident or voter token; the
 * round collects support (its support phase); the plan is public.
 */
export async function supportPlan(page: Page, baseUrl: string, roundId: string, title: string): Promise<string> {
  const proposalId = await openPlan(page, baseUrl, roundId, title);
  await page.click('button:text-is("Steun dit plan")');
  await page.waitForSelector('text=Dank u. U steunt dit plan nu.');
  return proposalId;
}

/** On a plan's page after supporting it: "Trek mijn steun in", then waits until it is withdrawn. */
export async function withdrawSupport(page: Page): Promise<void> {
  await page.click('button:text-is("Trek mijn steun in")');
  await page.waitForSelector('text=Uw steun is ingetrokken.');
}

/** On a plan's page: waits until its support line reads `expected` ("3 inwoners steunen dit plan"), reloading while the public count catches up. */
export async function waitForSupportCount(page: Page, expected: number): Promise<void> {
  const text = expected === 1 ? '1 inwoner steunt dit plan' : `${expected} inwoners steunen dit plan`;
  const line = page.locator('[data-testid="support-count"]');
  for (let attempt = 0; ; attempt++) {
    await line.waitFor();
    if ((await line.textContent()) === text) return;
    if (attempt >= 20) throw new Error(`support count: "${await line.textContent()}", not "${text}"`);
    await page.waitForTimeout(250);
    if (attempt % 4 === 3) await page.reload();
  }
}
