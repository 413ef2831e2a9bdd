import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { InMemoryEventStore } from '@lib/event-store';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { checkPage, ensureFrontEndsBuilt, launchBrowser, newContext, tabThrough } from './support/browser.js';

/**
 * Issue #17: the two front ends are served by the api itself (no second set-up step), take their
 * settings from it, and pass WCAG 2.2 AA on their first pages.
 */
describe('the front ends, served beside the api', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    ensureFrontEndsBuilt();
    api = await startTestApi(new InMemoryEventStore({ pollIntervalMs: 20 }), { env: { PROJECTOR_IN_PROCESS: 'true', MUNICIPALITY_NAME: 'Gemeente Voorbeeld' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves the portal at /portaal/, in Dutch with an English switch, its skip link first', async () => {
    const page = await (await newContext(browser)).newPage();
    const response = await page.goto(`${api.url}/portaal/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('no-cache');
    await page.waitForSelector('main h1');
    expect(await page.textContent('main h1')).toBe('Beslis mee over geld voor uw buurt');
    expect(await page.textContent('header')).toContain('Gemeente Voorbeeld');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('main');
    expect((await tabThrough(page)).filter((r) => !r.visible)).toEqual([]);
    await checkPage(page, 'portaal-start-nl');
    await page.click('button[lang="en"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('main h1')).toBe('Have a say in money for your neighbourhood');
    await checkPage(page, 'portaal-start-en');
  });

  it('sends a civil servant without a token to the sign-in page, and shows the rounds after a development token', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${api.url}/beheer/`);
    await page.waitForURL(/\/beheer\/aanmelden\?terug=%2F$/);
    expect(await page.textContent('main h1')).toBe('Aanmelden');
    await checkPage(page, 'beheer-aanmelden');
    // An empty token is refused by the error summary, which takes focus and links to the field.
    await page.click('text=Aanmelden met token');
    expect(await page.locator(':focus').getAttribute('class')).toContain('ib-error-summary');
    expect(await page.getAttribute('#dev-token', 'aria-invalid')).toBe('true');
    await checkPage(page, 'beheer-aanmelden-fout');
    await page.fill('#dev-token', await api.token('administrator'));
    await page.click('text=Aanmelden met token');
    // A navigation inside the app (no page load): the heading, then the address.
    await page.waitForSelector('main h1:text-is("Rondes")');
    expect(page.url()).toMatch(/\/beheer\/?$/);
    await page.waitForSelector('text=Er zijn nog geen rondes.');
    await checkPage(page, 'beheer-rondes-leeg');
  });

  it('answers an unknown path under a front end with the front end (its own not-found page), and keeps the api as it was', async () => {
    const page = await (await newContext(browser)).newPage();
    expect((await page.goto(`${api.url}/portaal/bestaat/niet`))?.status()).toBe(200);
    expect(await page.textContent('main h1')).toBe('Deze pagina bestaat niet');
    await checkPage(page, 'portaal-niet-gevonden');
    const health = await fetch(`${api.url}/health/live`);
    expect(health.status).toBe(200);
    const redirect = await fetch(`${api.url}/beheer`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/beheer/']);
  });

  it("takes a municipality's own theme: its tokens file linked after the built styles, its class on the body", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'theme-'));
    const css = join(dir, 'theme.css');
    await writeFile(css, '.gemeente-proef-theme { --utrecht-heading-1-color: rgb(0, 102, 51); --utrecht-document-background-color: rgb(255, 255, 255); }\n');
    const themed = await startTestApi(new InMemoryEventStore({ pollIntervalMs: 20 }), { env: { FRONT_END_THEME_CSS: css, FRONT_END_THEME_CLASS: 'gemeente-proef-theme' } });
    try {
      const page = await (await newContext(browser)).newPage();
      await page.goto(`${themed.url}/portaal/`);
      await page.waitForSelector('main h1');
      expect(await page.getAttribute('body', 'class')).toContain('gemeente-proef-theme');
      expect(await page.getAttribute('body', 'class')).not.toContain('voorbeeld-theme');
      // Runs in the page (the project's own type-check has no DOM library, so the code goes as text).
      expect(await page.evaluate("getComputedStyle(document.querySelector('main h1')).color")).toBe('rgb(0, 102, 51)');
      const file = await fetch(`${themed.url}/beheer/thema.css`);
      expect([file.status, file.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    } finally {
      await themed.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
