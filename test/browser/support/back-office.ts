import type { Page } from 'playwright-core';

/** A civil servant signs in to the back office with a development token (the sign-in page's second form), then lands on `path`. */
export async function signInWithToken(page: Page, baseUrl: string, token: string, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}/beheer/aanmelden?terug=${encodeURIComponent(path)}`);
  await page.fill('#dev-token', token);
  await page.click('button:text-is("Aanmelden met token")');
  // Runs in the page (the project's own type-check has no DOM library, so the code goes as text).
  const expected = `/beheer${path}`.replace(/\/$/, '');
  await page.waitForFunction(`window.location.pathname.replace(/\\/$/, '') === ${JSON.stringify(expected)}`);
}
