import type { Page } from 'playwright-core';
import { until } from './browser.js';

/** A civil servant signs in to the back office with a development token (the sign-in page's second form), then lands on `path`. */
export async function signInWithToken(page: Page, baseUrl: string, token: string, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}/beheer/aanmelden?terug=${encodeURIComponent(path)}`);
  await page.fill('#dev-token', token);
  await page.click('button:text-is("Aanmelden met token")');
  const expected = `/beheer${path}`.replace(/\/$/, '');
  await until(`the back office at ${expected}`, async () => new URL(page.url()).pathname.replace(/\/$/, '') === expected);
}
