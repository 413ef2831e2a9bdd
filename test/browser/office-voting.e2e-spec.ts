import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { InMemoryEventStore } from '@lib/event-store';
import { apiClient, type ApiClient } from '../client/api-client.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { signInWithToken } from './support/back-office.js';
import { checkPage, ensureFrontEndsBuilt, launchBrowser, newContext, PHONE } from './support/browser.js';
import {
  adoptResult,
  changeCode,
  closeVoting,
  confirmPaperBatch,
  countAndPublish,
  downloadProcesVerbaal,
  enterPaperBatch,
  generateCodes,
  importPopulation,
  openBallotBox,
  openCount,
  readTimeline,
  uploadVoterRoll,
} from './support/office-voting.js';

/**
 * Issue #17, the back office's voting pages in a real browser: the ballot box with the voter roll,
 * generated codes (the print file downloaded) and a blocked code; a paper batch entered by one
 * official and confirmed by a second (the first is refused in words); closing voting, the count,
 * publishing and adopting the result; turnout with population figures; the proces-verbaal downloaded;
 * the audit timeline. The round is brought to voting over HTTP first (owned by the setup pages).
 */
describe('back office: ballot box, codes, paper, count, adoption, turnout, record, timeline', () => {
  let api: TestApi;
  let browser: Browser;
  let roundId: string;
  let now = new Date('2026-01-20T09:00:00.000Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const roll = ['OVBR0001KMZX', 'OVBR0002KMZX', 'OVBR0003KMZX', 'OVBR0004KMZX', 'OVBR0005KMZX', 'OVBR0006KMZX'];
  const criteria = ['max-amount', 'min-amount', 'maintenance', 'one-year', 'public-benefit', 'no-double-funding', 'support'];
  let admin: string;

  const ok = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
    const { data, error, response } = await call;
    if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(error)}`);
    return data as T;
  };

  beforeAll(async () => {
    ensureFrontEndsBuilt();
    api = await startTestApi(new InMemoryEventStore({ pollIntervalMs: 20 }), { env: { PROJECTOR_IN_PROCESS: 'true' }, clock: { now: () => now } });
    browser = await launchBrowser();
    admin = await api.token('administrator', 'GM0363', 'staff-admin');
    const reviewer = await api.token('reviewer', 'GM0363', 'staff-reviewer');
    const client: ApiClient = apiClient(api.url, admin);
    const review = apiClient(api.url, reviewer);
    const budget = await ok(client.POST('/budgets', { body: { from: 'stadsdeel-burgerbegroting', decision: { body: 'council', number: 'RB-2026-09', date: '2026-01-15' } } as never }));
    const round = await ok(
      client.POST('/rounds', {
        body: { budgetId: budget.id, year: 2026, schedule: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }, { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' }] } as never,
      }),
    );
    roundId = round.id;
    const advance = (to: string) => ok(client.POST('/rounds/{roundId}/phase-transitions', { params: { path: { roundId } }, body: { to: to as 'voting', reason: `Planning: ${to}` } }));
    at('2026-02-01T08:00:00.000Z');
    await advance('submission');
    at('2026-02-10T10:00:00.000Z');
    const plans: string[] = [];
    for (const [title, cents] of [
      ['Speeltuin Oosterpark', 2_000_000],
      ['Bomen langs de Dapperstraat', 4_000_000],
      ['Bankjes op het plein', 5_000_000],
    ] as const) {
      const plan = await ok(
        client.POST('/rounds/{roundId}/proposals', {
          params: { path: { roundId } },
          body: { areaId: 'WIJK-1', themeId: 'algemeen', title, summary: `${title}: uitgewerkt plan van bewoners`, costEstimate: { investmentCents: cents, maintenancePerYearCents: 0, maintenanceYears: 0 } } as never,
        }),
      );
      plans.push(plan.id);
    }
    at('2026-04-01T08:00:00.000Z');
    await advance('support');
    for (const id of plans) for (let i = 0; i < 10; i++) await ok(client.POST('/proposals/{proposalId}/support', { params: { path: { proposalId: id } }, body: { supporterRef: `ps-${id.slice(0, 8)}-${i}` } as never }));
    await advance('feasibility');
    for (const id of plans) for (const criterionId of criteria) await ok(review.POST('/proposals/{proposalId}/verdicts', { params: { path: { proposalId: id } }, body: { criterionId, outcome: 'met', reason: 'Voldoet' } as never }));
    for (const id of plans) await ok(client.POST('/proposals/{proposalId}/admission', { params: { path: { proposalId: id } }, body: { admitted: true, reason: 'Alle criteria voldaan' } as never }));
    at('2026-06-01T07:00:00.000Z');
    await advance('voting');
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('runs the voting of a round from the voter roll to the adopted result and its record', async () => {
    const adminPage = await (await newContext(browser)).newPage();
    await signInWithToken(adminPage, api.url, admin, `/rondes/${roundId}/stembus`);

    // 1. The ballot box: open, nothing on the roll yet; the plans on the ballot.
    await openBallotBox(adminPage, api.url, roundId);
    expect(await adminPage.textContent('[data-testid="box-phase"]')).toBe('open');
    expect(await adminPage.textContent('[data-testid="box-registered"]')).toBe('0');
    await checkPage(adminPage, 'beheer-stembus-leeg');

    // A roll with a name column is refused whole, in words, at the field.
    await expect(uploadVoterRoll(adminPage, api.url, roundId, 'code,naam,area,age_band\nOVBR0009KMZX,Jan,WIJK-1,25-44\n')).rejects.toThrow(/persoonsgegevens/);
    expect(await adminPage.getAttribute('#roll-file', 'aria-invalid')).toBe('true');
    await checkPage(adminPage, 'beheer-stembus-fout');

    // The roll, then codes printed for Wijk 2 (the print file downloaded), then one of those blocked.
    const uploaded = await uploadVoterRoll(adminPage, api.url, roundId, ['code,area,age_band', ...roll.map((code, i) => `${code},WIJK-1,${i % 2 ? '65+' : '25-44'}`)].join('\n') + '\n');
    expect(uploaded).toContain('6 codes, waarvan 6 mogen stemmen');
    const codes = await generateCodes(adminPage, api.url, roundId, { count: 3, area: 'WIJK-2', ageBand: '25-44' });
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await adminPage.waitForSelector('[data-testid="box-registered"]:text-is("9")');
    await checkPage(adminPage, 'beheer-stembus-codes');
    expect(await changeCode(adminPage, api.url, roundId, codes[2]!, 'block', 'Brief is gestolen')).toContain('De code is geblokkeerd.');
    await expect(changeCode(adminPage, api.url, roundId, codes[2]!, 'block', 'Nog eens')).rejects.toThrow(/al geblokkeerd of vervangen/);
    await checkPage(adminPage, 'beheer-stembus-code-fout');

    // Residents vote online with three codes (the portal's part, over HTTP here); a blocked code cannot sign in.
    const portal = apiClient(api.url);
    const box = (await ok(apiClient(api.url, admin).GET('/rounds/{roundId}/ballot-box', { params: { path: { roundId } } }))) as unknown as { frame: { plans: { planId: string; name: string }[] } };
    const planId = (name: string) => box.frame.plans.find((p) => p.name === name)!.planId;
    const vote = async (code: string, names: string[]) => {
      const session = await ok(portal.POST('/rounds/{roundId}/voter-sessions', { params: { path: { roundId } }, body: { code } }));
      await ok(apiClient(api.url, session.token).POST('/rounds/{roundId}/ballots', { params: { path: { roundId } }, body: { type: 'approval', choices: names.map(planId) } as never }));
    };
    await vote(roll[0]!, ['Speeltuin Oosterpark', 'Bomen langs de Dapperstraat']);
    await vote(roll[1]!, ['Speeltuin Oosterpark']);
    await vote(codes[0]!, ['Bankjes op het plein']);
    expect((await portal.POST('/rounds/{roundId}/voter-sessions', { params: { path: { roundId } }, body: { code: codes[2]! } })).response.status).toBe(403);

    // 2. Paper: official A opens a batch and enters two ballots; A may not confirm it, official B does.
    const officialA = await (await newContext(browser)).newPage();
    await signInWithToken(officialA, api.url, await api.token('official', 'GM0363', 'official-1'), `/rondes/${roundId}/papier`);
    await officialA.waitForSelector('main h1:text-is("Papieren stemmen")');
    await checkPage(officialA, 'beheer-papier-leeg');
    const batchId = await enterPaperBatch(officialA, api.url, roundId, {
      pollingStation: 'Stadhuis',
      batchNumber: 1,
      ballots: [
        { code: roll[2]!, plans: ['Speeltuin Oosterpark', 'Bomen langs de Dapperstraat'] },
        { code: roll[3]!, plans: ['Speeltuin Oosterpark'] },
      ],
    });
    expect(await officialA.textContent('[data-testid="batch-progress"]')).toContain('2 van 2 stembiljetten ingevoerd');
    await checkPage(officialA, 'beheer-papier-ingevoerd');
    const refused = await confirmPaperBatch(officialA, api.url, roundId, batchId);
    expect(refused).toEqual({ ok: false, text: 'U heeft deze stapel zelf geopend of ingevoerd. Een andere ambtenaar moet hem bevestigen.' });
    await checkPage(officialA, 'beheer-papier-zelfde-ambtenaar');
    const officialB = await (await newContext(browser, PHONE)).newPage();
    await signInWithToken(officialB, api.url, await api.token('official', 'GM0363', 'official-2'), `/rondes/${roundId}/papier`);
    const confirmed = await confirmPaperBatch(officialB, api.url, roundId, batchId);
    expect(confirmed).toEqual({ ok: true, text: 'De stapel is bevestigd. 2 stembiljetten tellen mee.' });
    await checkPage(officialB, 'beheer-papier-bevestigd-telefoon');

    // 3. Close voting, read the count, publish and adopt the result.
    await openCount(adminPage, api.url, roundId);
    await checkPage(adminPage, 'beheer-telling-open');
    at('2026-06-15T07:00:00.000Z');
    await closeVoting(adminPage, api.url, roundId);
    expect(await adminPage.textContent('[data-testid="box-phase"]')).toBe('gesloten');
    await checkPage(adminPage, 'beheer-telling-gesloten');
    // Publishing without a reason is stopped before sending, with the error summary.
    await adminPage.click('button:text-is("Uitslag bekendmaken")');
    expect(await adminPage.locator(':focus').getAttribute('class')).toContain('ib-error-summary');
    await checkPage(adminPage, 'beheer-telling-fout');
    const counted = await countAndPublish(adminPage, api.url, roundId);
    expect(counted.ballots).toBe(5);
    expect(counted.chosen).toEqual(expect.arrayContaining(['Speeltuin Oosterpark', 'Bomen langs de Dapperstraat']));
    await checkPage(adminPage, 'beheer-telling-bekendgemaakt');
    at('2026-06-23T14:00:00.000Z');
    const adopted = await adoptResult(adminPage, api.url, roundId, { body: 'college', number: 'CB-2026-150', date: '2026-06-23' });
    expect(adopted).toContain('Het college volgt de stemming');
    expect(adopted).toContain('CB-2026-150');
    await adminPage.waitForSelector('[data-testid="box-phase"]:text-is("verzegeld")');
    await checkPage(adminPage, 'beheer-telling-vastgesteld');

    // 4. Turnout: against the roll first, then against imported population figures; charts with their tables.
    await adminPage.goto(`${api.url}/beheer/rondes/${roundId}/opkomst`);
    await adminPage.waitForSelector('[data-testid="turnout-ballots"]');
    await checkPage(adminPage, 'beheer-opkomst-kiezerslijst');
    await importPopulation(
      adminPage,
      api.url,
      roundId,
      'Codering_3;AantalInwoners_5;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;k_65JaarOfOuder_12\nWK036301;1000;100;200;300;200;200\nWK036302;800;100;100;300;200;100\n',
    );
    expect(await adminPage.locator('svg[role="img"]').count()).toBe(3);
    await checkPage(adminPage, 'beheer-opkomst');

    // 5. The proces-verbaal, as PDF and as Markdown in English.
    const pdf = await downloadProcesVerbaal(adminPage, api.url, roundId);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    await checkPage(adminPage, 'beheer-proces-verbaal');
    const markdown = await downloadProcesVerbaal(adminPage, api.url, roundId, { format: 'markdown', lang: 'en' });
    expect(await readFile(markdown, 'utf8')).toMatch(/^#/);

    // 6. The audit timeline, read by an auditor.
    const auditor = await (await newContext(browser)).newPage();
    await signInWithToken(auditor, api.url, await api.token('auditor', 'GM0363', 'staff-auditor'), `/rondes/${roundId}/tijdlijn`);
    const events = await readTimeline(auditor, api.url, roundId);
    expect(events).toEqual(expect.arrayContaining(['RoundPlanned', 'ResultPublished', 'ResultAdopted']));
    await checkPage(auditor, 'beheer-tijdlijn');
    await switchToEnglish(auditor);
    await checkPage(auditor, 'beheer-tijdlijn-en');
  }, 300_000);
});

async function switchToEnglish(page: Page): Promise<void> {
  await page.click('button[lang="en"]');
  await page.waitForSelector('main h1:text-is("Timeline of the round")');
}
