import { randomUUID } from 'node:crypto';
import type { EventStore } from '@lib/event-store';
import { ReadModelsService } from '../../../libs/projections/src/http/read-models.service.js';
import { OTHER_TENANT, TENANT, type TestApi } from '../../support/test-api.js';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../../libs/budgeting/src/budget/testing/budget.given.js';
import { aBegrotingFrame, aFondsFrame, seedRound } from '../../../libs/budgeting/src/proposal/testing/proposal.seed.js';

export { OTHER_TENANT, TENANT };

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

/** One real HTTP request. */
export async function send(url: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string; headersOnly?: boolean } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  const abort = new AbortController();
  const response = await fetch(`${url}${path}`, { method, headers, body, redirect: 'manual', signal: abort.signal });
  if (options.headersOnly) {
    abort.abort();
    return { status: response.status, headers: response.headers, text: '', body: {} };
  }
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    parsed = {};
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/**
 * Resources of municipality GM0363 built fresh for each cell: through the public API where it
 * exists, else from events with the owners' own seed helpers.
 */
export class Fixtures {
  constructor(
    private readonly api: TestApi,
    private readonly store: EventStore,
  ) {}

  private admin(): Promise<string> {
    return this.api.token('administrator', TENANT, 'staff-admin');
  }

  /** A burgerbegroting frame, established over HTTP. */
  async budget(): Promise<string> {
    const reply = await send(this.api.url, 'POST', '/budgets', { token: await this.admin(), body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION } });
    if (reply.status !== 201) throw new Error(`fixture budget: ${reply.status} ${reply.text}`);
    return reply.body.id as string;
  }

  /** A round of a burgerbegroting (submission open) or an initiatievenfonds (intake open). */
  async round(kind: 'begroting' | 'fonds' = 'begroting', tenant = TENANT): Promise<string> {
    const roundId = `r-${randomUUID().slice(0, 8)}`;
    await seedRound(this.store, {
      tenant,
      budgetId: `b-${roundId}`,
      roundId,
      frame: kind === 'begroting' ? aBegrotingFrame() : aFondsFrame(),
      phases: [kind === 'begroting' ? 'submission' : 'intake'],
      at: new Date().toISOString(),
    });
    return roundId;
  }

  /** A submitted plan; `contactDetails` go to the vault. */
  async proposal(kind: 'begroting' | 'fonds' = 'begroting', contactDetails?: Record<string, string>): Promise<{ roundId: string; proposalId: string }> {
    const roundId = await this.round(kind);
    const body = {
      areaId: kind === 'begroting' ? 'WK036301' : 'GEMEENTE',
      themeId: kind === 'begroting' ? 'spelen' : 'cultuur',
      title: 'Speeltuin Oosterpark',
      summary: 'Nieuwe speeltoestellen en een bankje bij de vijver',
      costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 },
      ...(contactDetails ? { contactDetails } : {}),
    };
    const reply = await send(this.api.url, 'POST', `/rounds/${roundId}/proposals`, { token: await this.admin(), body });
    if (reply.status !== 201) throw new Error(`fixture proposal: ${reply.status} ${reply.text}`);
    return { roundId, proposalId: reply.body.id as string };
  }

  /** Waits until the in-process projector caught up with everything written so far. */
  async settled(): Promise<void> {
    await this.api.app.get(ReadModelsService, { strict: false }).settled();
  }

  /** The pseudonym of a submitter whose plan (with contact details) is in GM0363. */
  async submitterRef(): Promise<string> {
    const { proposalId } = await this.proposal('begroting', { name: 'Fixture Persoon', email: 'fixture@example.nl' });
    const [submitted] = await this.store.readStream(`Proposal-${proposalId}`);
    return (submitted!.data as { submitterRef: string }).submitterRef;
  }

  /** A plan a resident submitted themselves (the matrix's voter: subject `matrix-voter`, its token for this round), awaiting moderation. */
  async residentPlan(subject = 'matrix-voter'): Promise<{ roundId: string; proposalId: string }> {
    const roundId = await this.round();
    const token = await this.api.token('voter', TENANT, subject, { round: roundId });
    const body = { areaId: 'WK036301', themeId: 'spelen', title: 'Speeltuin Oosterpark', summary: 'Nieuwe speeltoestellen', costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 } };
    const reply = await send(this.api.url, 'POST', `/rounds/${roundId}/my-plans`, { token, body });
    if (reply.status !== 201) throw new Error(`fixture resident plan: ${reply.status} ${reply.text}`);
    return { roundId, proposalId: reply.body.id as string };
  }

  /** A staff-entered plan the matrix's voter (subject `matrix-voter`) supports. */
  async supportedPlan(subject = 'matrix-voter'): Promise<{ roundId: string; proposalId: string }> {
    const { roundId, proposalId } = await this.proposal();
    const token = await this.api.token('voter', TENANT, subject, { round: roundId });
    const reply = await send(this.api.url, 'POST', `/rounds/${roundId}/plans/${proposalId}/my-support`, { token });
    if (reply.status !== 200) throw new Error(`fixture support: ${reply.status} ${reply.text}`);
    return { roundId, proposalId };
  }

  /** One more plan in an existing round. */
  async proposalIn(roundId: string): Promise<string> {
    const body = { areaId: 'WK036301', themeId: 'groen', title: 'Bomen', summary: 'Vijf bomen', costEstimate: { investmentCents: 500_000, maintenancePerYearCents: 0, maintenanceYears: 0 } };
    const reply = await send(this.api.url, 'POST', `/rounds/${roundId}/proposals`, { token: await this.admin(), body });
    if (reply.status !== 201) throw new Error(`fixture proposal: ${reply.status} ${reply.text}`);
    return reply.body.id as string;
  }

  /** A plan of the subsidy scheme with a positive verdict on its one criterion, ready for a grant decision. */
  async reviewedApplication(): Promise<string> {
    const { proposalId } = await this.proposal('fonds');
    const reviewer = await this.api.token('reviewer', TENANT, 'staff-rev-fixture');
    const verdict = await send(this.api.url, 'POST', `/proposals/${proposalId}/verdicts`, { token: reviewer, body: { criterionId: 'by-residents', outcome: 'met', reason: 'Bewonersinitiatief' } });
    if (verdict.status !== 200) throw new Error(`fixture verdict: ${verdict.status} ${verdict.text}`);
    return proposalId;
  }

  /** A granted application (€10.000). */
  async grantedApplication(): Promise<string> {
    const proposalId = await this.reviewedApplication();
    const grant = await send(this.api.url, 'POST', `/proposals/${proposalId}/grant-decision`, {
      token: await this.admin(),
      body: { granted: true, amountCents: 1_000_000, decisionReference: `Z/26/${proposalId.slice(0, 6)}`, decisionDate: '2026-03-20', reason: 'Voldoet aan de regeling' },
    });
    if (grant.status !== 200) throw new Error(`fixture grant: ${grant.status} ${grant.text}`);
    return proposalId;
  }

  /** A granted application whose implementation started. */
  async startedImplementation(): Promise<string> {
    const proposalId = await this.grantedApplication();
    const start = await send(this.api.url, 'POST', `/proposals/${proposalId}/implementation/start`, { token: await this.admin(), body: { startedOn: '2026-04-01' } });
    if (start.status !== 200) throw new Error(`fixture start: ${start.status} ${start.text}`);
    return proposalId;
  }

  /** A granted application with a paper objection registered against it (received 1 June 2026, after its term ended on 1 May). */
  async objection(): Promise<string> {
    const proposalId = await this.grantedApplication();
    const lodged = await send(this.api.url, 'POST', `/proposals/${proposalId}/objection`, { token: await this.admin(), body: { grounds: 'Het bedrag is te laag', receivedOn: '2026-06-01' } });
    if (lodged.status !== 201) throw new Error(`fixture objection: ${lodged.status} ${lodged.text}`);
    return proposalId;
  }

  /** An application a signed-in resident (`matrix-resident`) submitted, admitted, reviewed and granted. */
  async residentsGrant(subject = 'matrix-resident'): Promise<{ roundId: string; proposalId: string }> {
    const roundId = await this.round('fonds');
    const resident = await this.api.token('resident', TENANT, subject);
    const body = { areaId: 'GEMEENTE', themeId: 'cultuur', title: 'Buurtfeest', summary: 'Een feest voor de straat', costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 } };
    const submitted = await send(this.api.url, 'POST', `/rounds/${roundId}/my-plans`, { token: resident, body });
    if (submitted.status !== 201) throw new Error(`fixture resident application: ${submitted.status} ${submitted.text}`);
    const proposalId = submitted.body.id as string;
    const admin = await this.admin();
    const reviewer = await this.api.token('reviewer', TENANT, 'staff-rev-fixture');
    const steps: [string, string, unknown][] = [
      [`/proposals/${proposalId}/moderation`, admin, { admitted: true }],
      [`/proposals/${proposalId}/verdicts`, reviewer, { criterionId: 'by-residents', outcome: 'met', reason: 'Bewonersinitiatief' }],
      [`/proposals/${proposalId}/grant-decision`, admin, { granted: true, amountCents: 500_000, decisionReference: `Z/26/${proposalId.slice(0, 6)}`, decisionDate: '2026-03-20', reason: 'Voldoet, voor de helft' }],
    ];
    for (const [path, token, step] of steps) {
      const reply = await send(this.api.url, 'POST', path, { token, body: step });
      if (reply.status !== 200) throw new Error(`fixture ${path}: ${reply.status} ${reply.text}`);
    }
    return { roundId, proposalId };
  }
}
