import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, until } from './browser.js';

/**
 * The back office's voting tasks, each through the browser only. Every function expects the page to
 * be signed in already (`signInWithToken` in ./back-office.ts) with the role the task needs, and
 * waits for headings and texts, never for time.
 */

const base = (baseUrl: string, roundId: string, path: string) => `${baseUrl}/beheer/rondes/${encodeURIComponent(roundId)}/${path}`;

async function open(page: Page, url: string, heading: string): Promise<void> {
  if (page.url() !== url) await page.goto(url);
  await page.waitForSelector(`main h1:text-is("${heading}")`);
}

/** Opens the ballot box page (`/rondes/:roundId/stembus`) and waits for the box's state. */
export async function openBallotBox(page: Page, baseUrl: string, roundId: string): Promise<void> {
  await open(page, base(baseUrl, roundId, 'stembus'), 'Stembus en stemcodes');
  await page.waitForSelector('[data-testid="box-phase"]');
}

/**
 * Administrator, round in voting (box open): uploads `csvText` (`code,area,age_band[,role]`) as the
 * voter roll through the file input; answers the success text ("… {registered} codes, waarvan
 * {eligible} mogen stemmen") or throws the page's error text.
 */
export async function uploadVoterRoll(page: Page, baseUrl: string, roundId: string, csvText: string, fileName = 'kiezerslijst.csv'): Promise<string> {
  await openBallotBox(page, baseUrl, roundId);
  await page.setInputFiles('#roll-file', { name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csvText, 'utf8') });
  await page.click('button:text-is("Kiezerslijst uploaden")');
  const outcome = page.locator('section:has(#roll-title) .utrecht-alert--ok, section:has(#roll-title) .ib-error-summary');
  await outcome.first().waitFor();
  const text = (await outcome.first().textContent()) ?? '';
  if (await page.locator('section:has(#roll-title) .ib-error-summary').count()) throw new Error(`voter roll refused: ${text}`);
  return text;
}

/**
 * Administrator, round in voting: generates `count` codes for an area and age band, downloads the print
 * file (stemcodes-<round>.csv) through its link and answers the codes it holds.
 */
export async function generateCodes(page: Page, baseUrl: string, roundId: string, options: { count?: number; area?: string; ageBand?: string } = {}): Promise<string[]> {
  const { count = 3, area, ageBand = '25-44' } = options;
  await openBallotBox(page, baseUrl, roundId);
  await page.fill('#codes-count', String(count));
  if (area !== undefined) {
    if ((await page.locator('select#codes-area').count()) > 0) await page.selectOption('#codes-area', area);
    else await page.fill('#codes-area', area);
  }
  await page.fill('#codes-age-band', ageBand);
  await page.click('button:text-is("Codes maken")');
  const link = page.locator('a:text-is("Download de stemcodes (CSV)")');
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  if (download.suggestedFilename() !== `stemcodes-${roundId}.csv`) throw new Error(`unexpected file name ${download.suggestedFilename()}`);
  const text = await readFile((await download.path())!, 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',')[0]!.trim());
}

/** Administrator: blocks (or re-issues) a code with a reason; answers the success text (for a re-issue: the new code). */
export async function changeCode(page: Page, baseUrl: string, roundId: string, code: string, action: 'block' | 'reissue', reason: string): Promise<string> {
  await openBallotBox(page, baseUrl, roundId);
  await page.fill('#code-code', code);
  await page.selectOption('#code-action', action);
  await page.fill('#code-reason', reason);
  await page.click('button:text-is("Uitvoeren")');
  const ok = page.locator('section:has(#code-title) .utrecht-alert--ok');
  const error = page.locator('section:has(#code-title) .utrecht-alert--error');
  await ok.or(error).first().waitFor();
  if (await error.count()) throw new Error(`code change refused: ${await error.textContent()}`);
  const text = (await ok.textContent()) ?? '';
  if (action === 'reissue') return /([A-Z0-9]{4}(?:-[A-Z0-9]{4}){3})/.exec(text)?.[1] ?? text;
  return text;
}

/**
 * Official, box open or closed (not sealed): opens a batch at the paper page and enters its ballots
 * (each: the code on the slip and the titles of the plans ticked; approval or choose-1 ballots).
 * The slip count is the number of ballots unless given. Answers the batch's id for the confirmation.
 */
export async function enterPaperBatch(
  page: Page,
  baseUrl: string,
  roundId: string,
  batch: { pollingStation: string; batchNumber: number; slipCount?: number; ballots: { code: string; plans: string[] }[] },
): Promise<string> {
  await open(page, base(baseUrl, roundId, 'papier'), 'Papieren stemmen');
  await page.fill('#open-station', batch.pollingStation);
  await page.fill('#open-number', String(batch.batchNumber));
  await page.fill('#open-slip', String(batch.slipCount ?? batch.ballots.length));
  await page.click('button:text-is("Stapel openen")');
  await page.waitForSelector('[data-testid="batch-progress"]');
  const batchId = new URL(page.url()).searchParams.get('stapel')!;
  for (const [i, ballot] of batch.ballots.entries()) {
    await page.fill('#enter-code', ballot.code);
    for (const title of ballot.plans) await page.locator('#enter-choices').getByLabel(title, { exact: false }).check();
    await page.click('button:text-is("Stembiljet opslaan")');
    await page.waitForSelector(`[data-testid="batch-progress"]:has-text(": ${i + 1} van")`);
  }
  return batchId;
}

/**
 * Official (a different one than who opened or entered the batch): confirms the batch at the paper page.
 * Answers `{ ok, text }`: the success text ("… {counted} stembiljetten tellen mee.") or the refusal in words.
 */
export async function confirmPaperBatch(page: Page, baseUrl: string, roundId: string, batchId: string): Promise<{ ok: boolean; text: string }> {
  await open(page, `${base(baseUrl, roundId, 'papier')}?stapel=${encodeURIComponent(batchId)}`, 'Papieren stemmen');
  await page.fill('#confirm-batch', batchId);
  await page.click('button:text-is("Stapel bevestigen")');
  const ok = page.locator('section:has(#confirm-title) .utrecht-alert--ok');
  const error = page.locator('section:has(#confirm-title) .utrecht-alert--error');
  await ok.or(error).first().waitFor();
  return (await ok.count()) > 0 ? { ok: true, text: (await ok.textContent()) ?? '' } : { ok: false, text: (await error.textContent()) ?? '' };
}

/** Opens the count page (`/rondes/:roundId/telling`) and waits for the round's state. */
export async function openCount(page: Page, baseUrl: string, roundId: string): Promise<void> {
  await open(page, base(baseUrl, roundId, 'telling'), 'Telling en uitslag');
  await page.waitForSelector('[data-testid="round-phase"]');
}

/** Administrator, round in voting: closes voting (the round moves to its next phase, the box closes); waits for the count. */
export async function closeVoting(page: Page, baseUrl: string, roundId: string, reason = 'Stemperiode voorbij'): Promise<void> {
  await openCount(page, baseUrl, roundId);
  await page.fill('#close-reason', reason);
  await page.click('button:text-is("Stemmen sluiten")');
  await page.waitForSelector('[data-testid="count-table"]');
}

/** Administrator, voting closed: reads the count on the page (ballots counted, the chosen plans' titles), then publishes the result. */
export async function countAndPublish(page: Page, baseUrl: string, roundId: string, reason = 'Alle stapels zijn bevestigd'): Promise<{ ballots: number; chosen: string[] }> {
  await openCount(page, baseUrl, roundId);
  await page.waitForSelector('[data-testid="count-table"]');
  const ballots = Number(await page.textContent('[data-testid="count-ballots"]'));
  const rows = await page.locator('[data-testid="count-table"] tbody tr').all();
  const chosen: string[] = [];
  for (const row of rows) if ((await row.locator('td').nth(3).textContent()) === 'ja') chosen.push(((await row.locator('th').textContent()) ?? '').trim());
  await page.fill('#publish-reason', reason);
  await page.click('button:text-is("Uitslag bekendmaken")');
  await page.waitForSelector('text=De uitslag is bekendgemaakt op');
  return { ballots, chosen };
}

/** Administrator, result published: adopts it with the decision (the round moves to adoption first); answers the adoption line. */
export async function adoptResult(page: Page, baseUrl: string, roundId: string, decision: { body?: 'college' | 'council'; number: string; date: string; reason?: string }): Promise<string> {
  await openCount(page, baseUrl, roundId);
  await page.selectOption('#adopt-body', decision.body ?? 'college');
  await page.fill('#adopt-number', decision.number);
  await page.fill('#adopt-date', decision.date);
  await page.fill('#adopt-reason', decision.reason ?? 'Het college volgt de stemming');
  await page.click('button:text-is("Uitslag vaststellen")');
  const adopted = page.locator('[data-testid="adopted"]');
  const error = page.locator('section:has(#adopt-title) .utrecht-alert--error');
  await adopted.or(error).first().waitFor();
  if (await error.count()) throw new Error(`adoption refused: ${await error.textContent()}`);
  return (await adopted.textContent()) ?? '';
}

/** Administrator: imports population figures (CBS Kerncijfers CSV) at the turnout page; answers the success text. */
export async function importPopulation(page: Page, baseUrl: string, roundId: string, csvText: string, source = 'CBS Kerncijfers wijken en buurten 2024'): Promise<string> {
  await open(page, base(baseUrl, roundId, 'opkomst'), 'Opkomst en representativiteit');
  await page.setInputFiles('#pop-file', { name: 'kerncijfers.csv', mimeType: 'text/csv', buffer: Buffer.from(csvText, 'utf8') });
  await page.fill('#pop-source', source);
  await page.click('button:text-is("Bevolkingscijfers inlezen")');
  const ok = page.locator('section:has(#pop-title) .utrecht-alert--ok');
  const error = page.locator('section:has(#pop-title) .ib-error-summary');
  await ok.or(error).first().waitFor();
  if (await error.count()) throw new Error(`population refused: ${await error.textContent()}`);
  await page.waitForSelector(`[data-testid="population-source"]:text-is("${source}")`);
  return (await ok.textContent()) ?? '';
}

/**
 * Administrator, official or auditor: downloads the proces-verbaal (PDF by default, or Markdown; Dutch
 * or English) and saves it in test-artifacts/; answers the saved file's path.
 */
export async function downloadProcesVerbaal(page: Page, baseUrl: string, roundId: string, options: { format?: 'pdf' | 'markdown'; lang?: 'nl' | 'en' } = {}): Promise<string> {
  await open(page, base(baseUrl, roundId, 'proces-verbaal'), 'Proces-verbaal');
  await page.selectOption('#record-format', options.format ?? 'pdf');
  await page.selectOption('#record-lang', options.lang ?? 'nl');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:text-is("Proces-verbaal downloaden")')]);
  const path = join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(path);
  await page.waitForSelector('text=is gedownload');
  return path;
}

/** Administrator or auditor: opens the audit timeline and answers the event types of every page, in order (the page's "next" button). */
export async function readTimeline(page: Page, baseUrl: string, roundId: string): Promise<string[]> {
  await open(page, base(baseUrl, roundId, 'tijdlijn'), 'Tijdlijn van de ronde');
  await page.waitForSelector('[data-testid="timeline"] tbody tr');
  const types: string[] = [];
  for (;;) {
    types.push(...(await page.locator('[data-testid="timeline"] tbody th').allTextContents()).map((s) => s.trim()));
    const next = page.locator('button:text-is("Volgende bladzijde")');
    if ((await next.count()) === 0 || (await next.isDisabled())) return types;
    const caption = await page.textContent('[data-testid="timeline"] caption');
    await next.click();
    await until('the next page of the timeline', async () => (await page.textContent('[data-testid="timeline"] caption')) !== caption);
  }
}
