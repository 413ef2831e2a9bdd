import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { CommandContext } from '@lib/es';
import { InMemoryEventStore } from '@lib/event-store';
import { ReadModelsService } from '@lib/projections';
import { countRound, importPabulib, InMemoryRoundKeyVault } from '@lib/voting';
import { startTestApi, TENANT, type TestApi } from '../support/test-api.js';

// `npm test` finds (or installs) the browser and passes its path in CHROMIUM_PATH (scripts/chromium.mjs).
const CHROMIUM = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe-core's WCAG 2.2 A/AA rules on the page as it stands: the ids and the offending nodes of any violation. */
async function wcagViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Tabs through the page: every element focus reaches, with whether its focus is visible (an outline or a box shadow). */
async function tabThrough(page: Page, most = 60): Promise<{ element: string; visible: boolean }[]> {
  const reached: { element: string; visible: boolean }[] = [];
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    // Runs in the page (the project's own type-check has no DOM library, so the code goes as text).
    const focused = (await page.evaluate(`(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { element: element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + ':' + (element.textContent || '').trim().slice(0, 30), visible };
    })()`)) as { element: string; visible: boolean } | null;
    if (focused === null || reached.some((r) => r.element === focused.element)) break;
    reached.push(focused);
  }
  return reached;
}

describe('the public results page in a real browser', () => {
  let api: TestApi;
  let browser: Browser;
  let roundId: string;
  let winners: string[];
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });

  beforeAll(async () => {
    // 1. Assen 2024 (84 voters, approval, Equal Shares with add1) through the voting colleague's import.
    const context: CommandContext = { actor: 'staff-1', role: 'administrator', tenant: TENANT, correlationId: randomUUID(), now: new Date('2026-05-20T10:00:00.000Z') };
    const deps = { store, vault: new InMemoryRoundKeyVault(), now: () => new Date('2026-05-20T10:00:00.000Z'), newId: () => randomUUID() };
    const text = await readFile(join(process.cwd(), 'test/fixtures/pabulib/Netherlands_Assen_2024.pb'), 'utf8');
    ({ roundId } = await importPabulib(deps, text, context));
    // 2. The count, published as the Round stream's ResultPublished (the import plans no Round, so no command can publish it).
    const { result, frame } = await countRound(store, roundId, TENANT);
    winners = result.winners;
    const cents = new Map(frame.plans.map((p) => [p.planId, p.costCents]));
    await store.append(`Round-${roundId}`, [
      {
        id: randomUUID(),
        type: 'ResultPublished',
        data: {
          roundId,
          frameVersion: frame.frameVersion,
          winners: result.winners.map((id) => ({ proposalId: id, amountCents: cents.get(id)!, areaCode: null })),
          explanation: result.projects.map((p) => ({ proposalId: p.id, selected: p.selected, explanation: p.reason.text, votes: p.votes, details: { fairness: result.fairness } })),
          totalCents: result.winners.reduce((sum, id) => sum + cents.get(id)!, 0),
          at: '2026-05-21T09:00:00.000Z',
        },
        metadata: { tenant: TENANT, actor: 'staff-1', role: 'administrator', $correlationId: 'c', $causationId: 'c', at: '2026-05-21T09:00:00.000Z' },
      },
    ]);
    api = await startTestApi(store, { env: { PROJECTOR_IN_PROCESS: 'true' } });
    await api.app.get(ReadModelsService).settled(30_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows the winners, the turnout and the explanations in Dutch, is keyboard-navigable, and has text alternatives for its charts', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    const response = await page.goto(`${api.url}/public/rounds/${roundId}`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.title()).toBe('Assen Top Idee');

    const rows = await page.locator('#results tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelectorAll('td')[0]!.textContent]));
    const chosen = rows.filter(([, status]) => status === 'Gekozen').map(([title]) => title);
    // The file's own `selected` column (Equal Shares with add1, as Assen counted).
    expect(winners.sort()).toEqual(['11', '12', '13', '14', '2', '3', '5', '6', '9']);
    expect(chosen.sort()).toEqual([
      'Go-Zero kroegentocht',
      'In gesprek',
      'Jongerenplatform',
      'LGBTQ+ bijeenkomsten',
      'Muziekproductie studio',
      'PopUp Podium',
      'Samen koken en eten',
      'Snelheidsregeling',
      'Uitdelen Korans',
    ]);
    // The count's explanations in Dutch, from their reason code and amounts; none of the counting lib's English.
    const explanations = await page.locator('#results tbody tr td:last-child').allTextContents();
    expect(explanations.length).toBe(rows.length);
    expect(explanations.filter((e) => /^(Gekozen|Paste niet|Equal Shares: de voorstanders|Niemand steunt|Niet gekozen|De telling stopte)/.test(e))).toEqual(explanations);
    expect(explanations.join(' ')).not.toMatch(/\b(selected|supporters|left|costs|nobody)\b/);
    const english = await (await browser.newContext()).newPage();
    await english.goto(`${api.url}/public/rounds/${roundId}?lang=en`);
    expect((await english.locator('#results tbody tr td:last-child').allTextContents()).every((e) => /^(Selected|Did not fit|Equal Shares: its supporters|Nobody supports|Not chosen|The count stopped)/.test(e))).toBe(true);
    await english.close();
    expect(await page.textContent('#turnout-line')).toBe('84 van de 84 stemgerechtigden stemden (100.0%).');

    // Charts are images with a title and a description that carries the figures.
    const chart = page.locator('svg[role="img"]').first();
    const labelledBy = (await chart.getAttribute('aria-labelledby'))!.split(' ');
    expect(await page.textContent(`#${labelledBy[0]}`)).toContain('Staafdiagram: stemmen per plan');
    expect(await page.textContent(`#${labelledBy[1]}`)).toContain('PopUp Podium: 43');

    // The first Tab reaches the skip link, which moves focus to the content.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('main');

    // WCAG 2.2 AA by axe-core, and by keyboard: every link and control is reached by Tab with a visible focus.
    expect(await wcagViolations(page)).toEqual([]);
    const reached = await tabThrough(page);
    expect(reached.length).toBeGreaterThanOrEqual(2);
    expect(reached.filter((r) => !r.visible)).toEqual([]);

    await page.screenshot({ path: join(ARTIFACTS, 'public-round-nl.png'), fullPage: true });
  });

  it('switches to English through its language link', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${api.url}/public/rounds/${roundId}`);
    await page.click('a[hreflang="en"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#turnout-line')).toBe('84 of 84 eligible residents voted (100.0%).');
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'public-round-en.png'), fullPage: true });
  });
});
