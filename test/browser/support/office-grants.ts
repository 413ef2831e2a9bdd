import type { Page } from 'playwright-core';
import { until } from './browser.js';

/**
 * Back-office steps for an initiatievenfonds application, through the UI only (Dutch texts). Each
 * needs the page signed in as staff (`signInWithToken` in ./back-office.ts) with the role named.
 */

export interface Application {
  title: string;
  summary: string;
  /** The amount asked, in euros (typed as staff type it, e.g. 450 or "1.250,50"). */
  amountEuros: number | string;
  /** Needed when the frame restricts no themes (a text field); a select otherwise. */
  theme?: string;
  /** The area's code, when the frame has more than one. */
  area?: string;
  contact?: { name: string; email?: string; phone?: string };
}

const euroText = (amount: number | string) => (typeof amount === 'number' ? String(amount).replace('.', ',') : amount);

/**
 * An administrator registers an application received on paper or by mail on /rondes/:roundId/aanvragen.
 * Precondition: the round is an initiatievenfonds in its intake phase. Answers the new application's id.
 */
export async function registerApplication(page: Page, baseUrl: string, roundId: string, application: Application): Promise<string> {
  await page.goto(`${baseUrl}/beheer/rondes/${encodeURIComponent(roundId)}/aanvragen`);
  await page.waitForSelector('main h1:has-text("Aanvragen")');
  await page.waitForSelector('#register-heading');
  await page.fill('#grant-title', application.title);
  await page.fill('#grant-summary', application.summary);
  if (application.area) await page.selectOption('#grant-area', application.area);
  if ((await page.locator('select#grant-theme').count()) > 0) {
    if (application.theme) await page.selectOption('#grant-theme', application.theme);
  } else {
    await page.fill('#grant-theme', application.theme ?? 'algemeen');
  }
  await page.fill('#grant-investment', euroText(application.amountEuros));
  if (application.contact) {
    await page.fill('#grant-name', application.contact.name);
    if (application.contact.email) await page.fill('#grant-email', application.contact.email);
    if (application.contact.phone) await page.fill('#grant-phone', application.contact.phone);
  }
  await page.click('button:text-is("Aanvraag registreren")');
  const link = page.locator('[role="status"] a[data-proposal-id]');
  await link.waitFor();
  const proposalId = (await link.getAttribute('data-proposal-id'))!;
  await page.waitForSelector(`tr[data-proposal-id="${proposalId}"]`);
  return proposalId;
}

/**
 * A reviewer gives a verdict on every criterion of the application on /plannen/:proposalId/beschikking
 * (default: all met). Precondition: signed in as a reviewer who did not enter the application.
 */
export async function reviewApplication(page: Page, baseUrl: string, proposalId: string, outcome: 'met' | 'not_met' | 'needs_revision' = 'met', reason = 'Voldoet aan de regeling'): Promise<void> {
  await page.goto(`${baseUrl}/beheer/plannen/${encodeURIComponent(proposalId)}/beschikking`);
  await page.waitForSelector('main h1:has-text("Aanvraag:")');
  await page.waitForSelector('#review-form');
  const criteria: string[] = [];
  for (const row of await page.locator('#verdicts tbody tr').all()) criteria.push((await row.getAttribute('data-criterion'))!);
  for (const criterion of criteria) {
    await page.check(`#verdict-${criterion}-${outcome}`);
    await page.fill(`#verdict-${criterion}-reason`, reason);
  }
  await page.click('button:text-is("Oordelen opslaan")');
  await page.waitForSelector('[role="status"]:has-text("Uw oordelen zijn opgeslagen.")');
  await until(`every verdict shown as ${outcome}`, async () => (await page.locator(`#verdicts tbody tr[data-outcome="${outcome}"]`).count()) === criteria.length);
}

export interface GrantDecision {
  granted: boolean;
  /** Granted only; default: the amount asked (the field's starting value). */
  amountEuros?: number | string;
  /** The grounds (motivering). */
  reasons: string;
  /** Default: a reference made from the time. */
  decisionReference?: string;
  /** YYYY-MM-DD; default today (the field's starting value). */
  decisionDate?: string;
}

/**
 * An administrator records the beschikking on /plannen/:proposalId/beschikking: granted with an
 * amount, or refused, with the grounds. Precondition: every criterion met (reviewApplication) and
 * the round in intake. Waits until the beschikking is shown.
 */
export async function decideGrant(page: Page, baseUrl: string, proposalId: string, decision: GrantDecision): Promise<void> {
  await page.goto(`${baseUrl}/beheer/plannen/${encodeURIComponent(proposalId)}/beschikking`);
  await page.waitForSelector('main h1:has-text("Aanvraag:")');
  await page.waitForSelector('#decision-form');
  await page.check(decision.granted ? '#decision-grant' : '#decision-refuse');
  if (decision.granted && decision.amountEuros !== undefined) await page.fill('#decision-amount', euroText(decision.amountEuros));
  await page.fill('#decision-reference', decision.decisionReference ?? `Z/${Date.now().toString(36).toUpperCase()}`);
  if (decision.decisionDate) await page.fill('#decision-date', decision.decisionDate);
  await page.fill('#decision-reason', decision.reasons);
  await page.click('button:text-is("Beschikking vastleggen")');
  await page.waitForSelector(`#beschikking[data-granted="${decision.granted}"]`);
}

/**
 * An administrator records a payment (an advance too) on /plannen/:proposalId/uitvoering.
 * Precondition: the grant is awarded (decideGrant); the total paid stays within it.
 */
export async function recordPayment(page: Page, baseUrl: string, proposalId: string, amountEuros: number | string, paymentReference = `BET-${Date.now().toString(36).toUpperCase()}`): Promise<void> {
  await page.goto(`${baseUrl}/beheer/plannen/${encodeURIComponent(proposalId)}/uitvoering`);
  await page.waitForSelector('main h1:has-text("Uitvoering:")');
  await page.waitForSelector('#payment-form');
  const before = Number(await page.getAttribute('[data-paid-cents]', 'data-paid-cents'));
  await page.fill('#payment-reference', paymentReference);
  await page.fill('#payment-amount', euroText(amountEuros));
  await page.click('button:text-is("Betaling vastleggen")');
  await page.waitForSelector('[role="status"]:has-text("is vastgelegd")');
  await until('the payment in the total paid', async () => Number(await page.getAttribute('[data-paid-cents]', 'data-paid-cents')) > before);
}

/** An administrator records the start of the work on /plannen/:proposalId/uitvoering. Precondition: granted, not started. */
export async function startImplementation(page: Page, baseUrl: string, proposalId: string, startedOn?: string): Promise<void> {
  await page.goto(`${baseUrl}/beheer/plannen/${encodeURIComponent(proposalId)}/uitvoering`);
  await page.waitForSelector('#start-form');
  if (startedOn) await page.fill('#start-date', startedOn);
  await page.click('button:text-is("Start vastleggen")');
  await page.waitForSelector('[data-status="implementing"]');
}
