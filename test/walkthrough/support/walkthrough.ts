import { afterAll, beforeAll, expect } from '@jest/globals';
import type { EventStore } from '@lib/event-store';
import { DocumentedProblems } from '../../support/documented-problems.js';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../support/sql-store.js';
import { startTestApi, TENANT, type TestApi } from '../../support/test-api.js';

export interface Reply {
  status: number;
  body: Record<string, unknown> & { events?: string[]; code?: string; id?: string };
  etag: string | null;
  /** The `Reactions` header of a command whose events reactors follow (`complete` or `pending; …`). */
  reactions: string | null;
  text: string;
}

/** A walk through one round over real HTTP, on PostgreSQL (DATABASE_URL) or PGlite, with a clock the walk moves. */
export interface Walk {
  api: TestApi;
  store: EventStore;
  kind: TestSqlStore['kind'];
  /** Staff tokens; a second official confirms paper batches. */
  admin: string;
  reviewer: string;
  official: string;
  auditor: string;
  call(method: string, path: string, token: string | null, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** POST with a `text/csv` body. */
  csv(path: string, token: string, text: string): Promise<Reply>;
  /** Moves the api's clock to an ISO instant. */
  at(iso: string): void;
  /** The command succeeded with exactly these events. */
  ok(reply: Reply | Promise<Reply>, status: number, events?: string[]): Promise<Reply>;
}

/**
 * Opens the store and the api for one spec file (beforeAll/afterAll registered here). `env` adds
 * settings to the api's configuration; it is read in beforeAll, after the spec's own earlier hooks
 * (a provider the api must know) have run.
 */
export function walkthrough(start: string, options: { env?: () => Record<string, string> } = {}): Walk {
  const walk = {} as Walk;
  let sql: TestSqlStore;
  let now = new Date(start);
  let documented: DocumentedProblems;

  async function request(method: string, path: string, token: string | null, body: string | undefined, headers: Record<string, string>): Promise<Reply> {
    const response = await fetch(`${walk.api.url}${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body });
    const text = await response.text();
    let parsed: Reply['body'];
    try {
      parsed = text === '' ? {} : (JSON.parse(text) as Reply['body']);
    } catch {
      parsed = {};
    }
    // Every refusal the walk meets is one the document lists for the operation.
    const undocumented = documented.undocumentedAt(method, path, { status: response.status, body: parsed });
    if (undocumented !== undefined) throw new Error(`Undocumented problem: ${undocumented}`);
    return { status: response.status, body: parsed, etag: response.headers.get('etag'), reactions: response.headers.get('reactions'), text };
  }

  beforeAll(async () => {
    sql = await openTestSqlStore();
    walk.store = sql.store;
    walk.kind = sql.kind;
    walk.api = await startTestApi(sql.store, { clock: { now: () => now }, env: options.env?.() });
    documented = await DocumentedProblems.of(walk.api.url);
    walk.admin = await walk.api.token('administrator', TENANT, 'staff-admin');
    walk.reviewer = await walk.api.token('reviewer', TENANT, 'staff-reviewer');
    walk.official = await walk.api.token('official', TENANT, 'staff-official');
    walk.auditor = await walk.api.token('auditor', TENANT, 'staff-auditor');
  });
  afterAll(async () => {
    await walk.api?.close();
    await sql?.cleanup();
    await closeSharedPglite();
  });

  walk.call = (method, path, token, body, headers = {}) =>
    request(method, path, token, body === undefined ? undefined : JSON.stringify(body), body === undefined ? headers : { 'content-type': 'application/json', ...headers });
  walk.csv = (path, token, text) => request('POST', path, token, text, { 'content-type': 'text/csv' });
  walk.at = (iso) => {
    now = new Date(iso);
  };
  walk.ok = async (reply, status, events) => {
    const answer = await reply;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    if (events) expect(answer.body.events).toEqual(events);
    return answer;
  };
  return walk;
}

/** The plan body the municipality's form sends for a resident. */
export function aPlan(areaId: string, title: string, investmentCents: number, maintenance: { perYearCents: number; years: number } = { perYearCents: 0, years: 0 }, themeId = 'algemeen') {
  return {
    areaId,
    themeId,
    title,
    summary: `${title}: uitgewerkt plan van bewoners`,
    costEstimate: { investmentCents, maintenancePerYearCents: maintenance.perYearCents, maintenanceYears: maintenance.years },
  };
}
