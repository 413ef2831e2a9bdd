import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

// `npm test` finds (or installs) the browser and passes its path in CHROMIUM_PATH (scripts/chromium.mjs).
export const CHROMIUM = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** A phone-sized viewport (iPhone SE-like), with touch. */
export const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The front ends built (dist/web): `npm test` builds them before any test; a single test file run by
 * hand builds them here when they are missing or older than their sources.
 */
export function ensureFrontEndsBuilt(): void {
  const built = join(process.cwd(), 'dist', 'web', 'beheer', 'index.html');
  const sources = join(process.cwd(), 'apps', 'web');
  if (existsSync(built) && statSync(built).mtimeMs >= newestIn(sources)) return;
  execFileSync(join(process.cwd(), 'node_modules', '.bin', 'vite'), ['build', '--config', join(sources, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
}

/** axe-core's WCAG 2.2 A/AA rules on the page as it stands: the ids and the offending nodes of any violation. */
export async function wcagViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Tabs through the page: every element focus reaches, with whether its focus is visible (an outline or a box shadow). */
export async function tabThrough(page: Page, most = 80): Promise<{ element: string; visible: boolean }[]> {
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

/**
 * The checks every page of the front ends passes: 0 axe-core WCAG 2.2 A/AA violations, the skip link
 * first, visible focus on everything Tab reaches, and a full-page screenshot in test-artifacts/.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForSelector('main h1');
  const violations = await wcagViolations(page);
  if (violations.length > 0) throw new Error(`${name}: WCAG violations ${JSON.stringify(violations, null, 2)}`);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A fresh browser context with the language and time zone a Dutch resident has. */
export async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1200, height: 900 }, ...options });
}

/**
 * Waits until `check` holds, asking again every 50 ms; fails after `timeoutMs` naming `what`.
 * The check runs here, in the test, through Playwright's calls: the pages' Content Security Policy
 * forbids eval, and Playwright evaluates a text predicate of `page.waitForFunction` with eval each time
 * it polls, which that policy refuses once the first try was false.
 */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A CSS string (for an attribute selector's value): the text in double quotes, with `\` and `"` escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}
