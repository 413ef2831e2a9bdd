import type { Page } from 'playwright-core';

/**
 * The resident's voting steps in the portal, each through the UI only. Preconditions are named per
 * step; the round's set-up (a prepared, open ballot box, a voter roll) belongs to other steps.
 */

const portal = (baseUrl: string, path: string) => `${baseUrl}/portaal${path}`;

/** The text of `selector`, trimmed, with the no-break spaces of amounts as plain spaces. */
async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').replace(/\u00a0/g, ' ').trim();
}

/** The cells' texts of the rows matching `selector`. */
async function tableRows(page: Page, selector: string): Promise<string[][]> {
  // Runs in the page (the project's own type-check has no DOM library, so the code goes as text).
  return (await page.evaluate(`Array.from(document.querySelectorAll(${JSON.stringify(selector)})).map((tr) => Array.from(tr.children).map((c) => (c.textContent || '').replace(/\\u00a0/g, ' ').trim()))`)) as string[][];
}

/** Waits for the page's h1 to read `text` (a page reached, whether by load or inside the app). */
async function heading(page: Page, text: string): Promise<void> {
  await page.waitForSelector(`main h1:text-is("${text}")`);
}

/**
 * Signs in to vote with a voting code (Dutch page). Precondition: voting is open in `roundId` and the
 * code is on its roll. Ends on the sign-in page showing "U bent aangemeld", and returns its text
 * about earlier sign-ins ("U bent nog niet eerder aangemeld…", "U was eerder aangemeld op …").
 * With a wrong code it returns the error text instead and stays on the form (`{ ok: false }`).
 */
export async function signInWithCode(page: Page, baseUrl: string, roundId: string, code: string): Promise<{ ok: boolean; text: string }> {
  if (!/\/rondes\/[^/]+\/aanmelden/.test(new URL(page.url() || 'about:blank', 'http://x').pathname)) {
    await page.goto(portal(baseUrl, `/rondes/${roundId}/aanmelden`));
  }
  await heading(page, 'Aanmelden om te stemmen');
  await page.fill('#voting-code', code);
  const answered = page.waitForResponse((r) => r.url().endsWith(`/rounds/${roundId}/voter-sessions`) && r.request().method() === 'POST');
  await page.click('button:text-is("Aanmelden met code")');
  await answered;
  const outcome = await Promise.race([
    page.waitForSelector('[data-testid="earlier-sign-ins"]').then(() => 'ok' as const),
    page.waitForSelector('#voting-code-error').then(() => 'error' as const),
  ]);
  if (outcome === 'ok') return { ok: true, text: await text(page, '[data-testid="earlier-sign-ins"]') };
  return { ok: false, text: await text(page, '#voting-code-error') };
}

/**
 * Signs in at the municipality's provider for residents (test/security/support/oidc-provider.ts:
 * its development login, any password), then takes the resident's place on the roll. Precondition:
 * the api is configured for residents' sign-in with RESIDENT_AUTH_REDIRECT_URI
 * `${baseUrl}/portaal/aanmelden/terug`, and voting is open. Ends on the return page, signed in;
 * returns the text about earlier sign-ins.
 */
export async function signInWithProvider(page: Page, baseUrl: string, roundId: string, account: string): Promise<string> {
  await page.goto(portal(baseUrl, `/rondes/${roundId}/aanmelden`));
  await heading(page, 'Aanmelden om te stemmen');
  await page.click('button:text-is("Aanmelden bij de gemeente")');
  // The provider's own pages: its login form, then consent, until it sends the browser back.
  const back = `${baseUrl}/portaal/aanmelden/terug`;
  for (let step = 0; step < 6 && !page.url().startsWith(back); step++) {
    await page.waitForURL((url) => url.href.startsWith(back) || url.origin !== new URL(baseUrl).origin);
    if (page.url().startsWith(back)) break;
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
  await heading(page, 'Aanmelden bij de gemeente');
  await page.waitForSelector('[data-testid="earlier-sign-ins"]');
  return await text(page, '[data-testid="earlier-sign-ins"]');
}

/**
 * Casts a ballot for the plans with these titles (approval or choose-1) and returns the receipt from
 * the confirmation page. Precondition: signed in for `roundId` in this browser tab (signInWithCode
 * or signInWithProvider). With `keyboardOnly`, no mouse: Tab reaches each plan, Space toggles it,
 * Enter on the button sends. Throws with the error summary's text when the page refuses the ballot.
 */
export async function castBallot(page: Page, baseUrl: string, roundId: string, titles: string[], opts: { keyboardOnly?: boolean } = {}): Promise<string> {
  await page.goto(portal(baseUrl, `/rondes/${roundId}/stemmen`));
  await heading(page, 'Stemmen');
  await page.waitForSelector('#ballot-plans');
  const buttonText = ['Stem uitbrengen', 'Stem wijzigen'];
  if (opts.keyboardOnly) {
    const wanted = new Set(titles);
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      // Runs in the page (the project's own type-check has no DOM library, so the code goes as text).
      const focused = (await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el) return null;
        const label = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
        return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type'), checked: el.checked === true, label: label ? label.textContent.trim() : '', text: (el.textContent || '').trim() };
      })()`)) as { tag: string; type: string | null; checked: boolean; label: string; text: string } | null;
      if (!focused) continue;
      if ((focused.type === 'checkbox' || focused.type === 'radio') && wanted.has(focused.label) !== focused.checked) {
        await page.keyboard.press('Space');
      }
      if (focused.tag === 'button' && buttonText.includes(focused.text)) {
        await page.keyboard.press('Enter');
        break;
      }
    }
  } else {
    const boxes = page.locator('#ballot-plans input[type="checkbox"], #ballot-plans input[type="radio"]');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      const label = (await page.textContent(`label[for="${await box.getAttribute('id')}"]`))!.trim();
      if (titles.includes(label) !== (await box.isChecked())) await box.click();
    }
    await page.click(`button:text-is("${buttonText[0]}"), button:text-is("${buttonText[1]}")`);
  }
  const outcome = await Promise.race([
    page.waitForSelector('[data-testid="receipt"]').then(() => 'ok' as const),
    page.waitForSelector('.ib-error-summary').then(() => 'refused' as const),
    page.waitForSelector('.utrecht-alert--error').then(() => 'refused' as const),
  ]);
  if (outcome !== 'ok') throw new Error(`The ballot was refused: ${(await page.textContent('.utrecht-alert--error'))?.trim()}`);
  await heading(page, 'Uw stem is ontvangen');
  return await text(page, '[data-testid="receipt"]');
}

/**
 * Checks a receipt on the receipt page and returns the texts it shows: the answer (counted or
 * replaced, and the result's state) and, once the result is adopted, the rows of "my result"
 * (plan, outcome, votes, why). With an error (voting still open, unknown receipt) `error` has its text.
 */
export async function checkReceipt(page: Page, baseUrl: string, roundId: string, receipt: string): Promise<{ status: string; myResult: string[][]; error: string | null }> {
  await page.goto(portal(baseUrl, `/rondes/${roundId}/ontvangstbewijs`));
  await heading(page, 'Ontvangstbewijs controleren');
  await page.fill('#receipt', receipt);
  // The page answers a malformed receipt itself, anything else after the api.
  const answered = /^[A-Za-z0-9_-]{43}$/.test(receipt) ? page.waitForResponse((r) => r.url().includes(`/rounds/${roundId}/receipts/`)) : Promise.resolve();
  await page.click('button:text-is("Controleren")');
  await answered;
  const outcome = await Promise.race([
    page.waitForSelector('[data-testid="receipt-answer"]').then(() => 'ok' as const),
    page.waitForSelector('#receipt-error').then(() => 'error' as const),
  ]);
  if (outcome === 'error') return { status: '', myResult: [], error: await text(page, '#receipt-error') };
  const status = await text(page, '[data-testid="receipt-answer"] .utrecht-alert');
  const rows = await tableRows(page, '#my-result-heading ~ .ib-table-scroll tbody tr');
  return { status, myResult: rows, error: null };
}

/**
 * Opens the result page and returns its rows (plan, outcome, votes, amount, why), or [] with the
 * page's notice when there is no result yet. Precondition: none (public).
 */
export async function openResult(page: Page, baseUrl: string, roundId: string): Promise<{ rows: string[][]; notice: string | null }> {
  await page.goto(portal(baseUrl, `/rondes/${roundId}/uitslag`));
  await heading(page, 'Uitslag');
  const outcome = await Promise.race([page.waitForSelector('main table').then(() => 'table' as const), page.waitForSelector('main .utrecht-alert').then(() => 'notice' as const)]);
  if (outcome === 'notice') return { rows: [], notice: await text(page, 'main .utrecht-alert') };
  const rows = await tableRows(page, 'main table tbody tr');
  return { rows, notice: null };
}
