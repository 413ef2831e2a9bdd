import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { budgetStream, proposalStream } from '@lib/budgeting';
import type { DomainEvent } from '@lib/es';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../libs/budgeting/src/budget/testing/budget.given.js';
import { anAdmittedPlan } from '../../libs/budgeting/src/proposal/testing/proposal.given.js';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../support/sql-store.js';
import { startTestApi, TENANT, type TestApi } from '../support/test-api.js';

/**
 * Two api instances on one event store, as two processes behind a load balancer: the limits that
 * matter across processes count once for both on PostgreSQL (on PGlite, one process by design,
 * each counts alone), and a write through one instance is seen by the other at once.
 */

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

async function call(api: TestApi, method: string, path: string, options: { token?: string; body?: unknown; from?: string; csv?: string; ifMatch?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'x-forwarded-for': options.from ?? nextAddress() };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  let body: string | undefined;
  if (options.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    body = options.csv;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${api.url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    parsed = {};
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

let addresses = 0;
/** Each request comes from its own address (the api trusts X-Forwarded-For from loopback), unless a test means one address. */
const nextAddress = () => `198.51.100.${++addresses % 250}`;

let sql: TestSqlStore;
let shared: boolean;
let dir: string;
let a: TestApi;
let b: TestApi;
let admin: { a: string; b: string };
const roundId = randomUUID();
const budgetId = randomUUID();
const plans = [randomUUID(), randomUUID()];
let codes: string[];

beforeAll(async () => {
  sql = await openTestSqlStore();
  shared = sql.kind === 'postgres';
  // What two processes of one installation share: the round keys' directory and the voter-token key.
  dir = await mkdtemp(join(tmpdir(), 'inwonersbudget-two-'));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const env = { ROUND_KEY_DIR: join(dir, 'round-keys'), VOTER_TOKEN_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), TRUST_PROXY: 'loopback' };
  [a, b] = [await startTestApi(sql.store, { env }), await startTestApi(sql.store, { env })];
  admin = { a: await a.token('administrator', TENANT, 'staff-a'), b: await b.token('administrator', TENANT, 'staff-b') };
  const given = (stream: string, events: DomainEvent[]) =>
    sql.store.append(stream, events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata: { actor: 'staff-0', role: 'administrator', tenant: TENANT } })), { expectedRevision: 'any' });
  await given(budgetStream(budgetId), [
    { type: 'BudgetEstablished', data: { budgetId, version: 1, frame: aBurgerbegrotingFrame(), areaAmounts: [], decision: COUNCIL_DECISION, template: null, establishedAt: '2026-01-15T10:00:00.000Z' } },
  ]);
  for (const planId of plans) {
    await given(proposalStream(planId), anAdmittedPlan().map((e) => ({ ...e, data: { ...e.data, proposalId: planId, ...(e.type === 'ProposalSubmitted' ? { roundId, budgetId } : {}) } })) as DomainEvent[]);
  }
  expect((await call(a, 'POST', `/rounds/${roundId}/ballot-box`, { token: admin.a, body: { budgetId, proposalIds: plans } })).status).toBe(201);
  const printed = await call(a, 'POST', `/rounds/${roundId}/voting-codes`, { token: admin.a, body: { count: 4, area: 'WK036301', ageBand: '18-64' } });
  expect(printed.status).toBe(201);
  codes = printed.text.trim().split('\n').slice(1).map((line) => line.split(',')[0]!);
  expect((await call(b, 'POST', `/rounds/${roundId}/ballot-box/open`, { token: admin.b, body: { reason: 'Voting period of the council decision' } })).status).toBe(200);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await sql?.cleanup();
  await closeSharedPglite();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const signIn = (api: TestApi, code: string, from?: string) => call(api, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code }, from });

function expectRateLimited(answer: Answer, code: string): void {
  expect([answer.status, answer.headers.get('content-type')?.split(';')[0], answer.body.code, answer.body.status]).toEqual([429, 'application/problem+json', code, 429]);
}

describe('two api instances on one store', () => {
  it('sign-in per code: the sixth try with one wrong code, spread over both, is refused (PostgreSQL; on PGlite each instance counts alone)', async () => {
    const wrong = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ';
    const tries = [a, b, a, b, a].map((api) => signIn(api, wrong));
    for (const answer of await Promise.all(tries)) expect([answer.status, answer.body.code]).toEqual([403, 'VOTER_SESSION.UNKNOWN_CODE']);
    const sixth = await signIn(b, wrong);
    if (!shared) {
      expect([sixth.status, sixth.body.code]).toEqual([403, 'VOTER_SESSION.UNKNOWN_CODE']);
      return;
    }
    expectRateLimited(sixth, 'VOTER_SESSION.RATE_LIMITED');
    expect(sixth.body.detail).toMatch(/try again in (8\d\d|900) seconds/);
    expectRateLimited(await signIn(a, wrong), 'VOTER_SESSION.RATE_LIMITED');
  });

  it('sign-in per code: after the fifth use of a right code on either instance, that code is refused on both until its 15 minutes pass', async () => {
    const code = codes[0]!;
    for (const api of [a, b, b, a, b]) expect((await signIn(api, code)).status).toBe(201);
    const sixth = await signIn(a, code.toLowerCase());
    if (!shared) {
      expect(sixth.status).toBe(201);
      return;
    }
    expectRateLimited(sixth, 'VOTER_SESSION.RATE_LIMITED');
    const onB = await signIn(b, code);
    expectRateLimited(onB, 'VOTER_SESSION.RATE_LIMITED');
    expect(onB.body.detail).toMatch(/try again in (8\d\d|900) seconds/);
    // Another code is not affected.
    expect((await signIn(b, codes[1]!)).status).toBe(201);
  });

  it('sign-in per address: 30 a minute for both instances together', async () => {
    const from = '203.0.113.30';
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(i % 2 === 0 ? a : b, `QQQQ-QQQQ-QQQQ-${String(1000 + i)}`, from)));
    expect(new Set(answers.map((answer) => `${answer.status} ${answer.body.code}`))).toEqual(new Set(['403 VOTER_SESSION.UNKNOWN_CODE']));
    const next = await signIn(a, 'QQQQ-QQQQ-QQQQ-2000', from);
    if (shared) expectRateLimited(next, 'VOTER_SESSION.RATE_LIMITED');
    else expect(next.status).toBe(403);
  });

  it('receipt checks per address: 30 a minute for both instances together', async () => {
    const from = '203.0.113.31';
    const receipt = 'q3Vn0C1mXk2yJm7T0xJ5m2zV4cXl9Y0b6f1d8sKp3aA';
    const check = (api: TestApi) => call(api, 'GET', `/rounds/${roundId}/receipts/${receipt}`, { from });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => check(i % 2 === 0 ? a : b)));
    expect(new Set(answers.map((answer) => `${answer.status} ${answer.body.code}`))).toEqual(new Set(['409 RECEIPT.VOTING_OPEN']));
    const next = await check(b);
    if (shared) expectRateLimited(next, 'RECEIPT.RATE_LIMITED');
    else expect(next.status).toBe(409);
  });

  it('residents\' sign-in per address: 30 a minute for both instances together (start and callback alike)', async () => {
    const from = '203.0.113.32';
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => call(i % 2 === 0 ? a : b, 'GET', i % 3 === 0 ? '/resident-sessions/oidc/callback' : '/resident-sessions/oidc', { from })));
    // No residents' provider here: each try is counted, then answered 404.
    expect(new Set(answers.map((answer) => `${answer.status} ${answer.body.code}`))).toEqual(new Set(['404 RESIDENT_SESSION.NOT_CONFIGURED']));
    const next = await call(b, 'GET', '/resident-sessions/oidc', { from });
    if (shared) expectRateLimited(next, 'RESIDENT_SESSION.RATE_LIMITED');
    else expect(next.status).toBe(404);
  });

  it('a code blocked through one instance cannot sign in through the other, though it signed in there before', async () => {
    expect((await signIn(a, codes[2]!)).status).toBe(201);
    expect((await call(b, 'POST', `/rounds/${roundId}/voting-codes/block`, { token: admin.b, body: { code: codes[2], reason: 'Letter stolen' } })).status).toBe(200);
    const refused = await signIn(a, codes[2]!);
    expect([refused.status, refused.body.code]).toEqual([403, 'BALLOT.CODE_BLOCKED']);
  });

  it('the box closed and sealed through one instance: the other, which had it in its cache, refuses ballots, sign-ins and the sealed key at once', async () => {
    const session = await signIn(a, codes[3]!);
    expect(session.status).toBe(201);
    const token = session.body.token as string;
    // Instance a folds the box (and the round key) into its caches with a ballot, and reads it back.
    expect((await call(a, 'POST', `/rounds/${roundId}/ballots`, { token, body: { type: 'approval', choices: [plans[0]] } })).status).toBe(201);
    const mine = await call(a, 'GET', `/rounds/${roundId}/ballots/mine`, { token });
    expect([mine.status, mine.body.channel]).toEqual([200, 'online']);
    expect((await call(b, 'POST', `/rounds/${roundId}/ballot-box/close`, { token: admin.b, body: { reason: 'Voting period over' } })).status).toBe(200);
    const replaced = await call(a, 'PUT', `/rounds/${roundId}/ballots/mine`, { token, body: { type: 'approval', choices: [plans[1]] }, ifMatch: mine.headers.get('etag')! });
    expect([replaced.status, replaced.body.code]).toEqual([409, 'BALLOT.VOTING_CLOSED']);
    const late = await signIn(a, codes[1]!);
    expect([late.status, late.body.code]).toEqual([409, 'BALLOT.VOTING_CLOSED']);
    // Sealing destroys the round key: instance a, which held it, no longer uses it either.
    expect((await call(b, 'POST', `/rounds/${roundId}/ballot-box/seal`, { token: admin.b, body: { reason: 'Count done' } })).status).toBe(200);
    const sealed = await call(a, 'GET', `/rounds/${roundId}/ballots/mine`, { token });
    expect([sealed.status, sealed.body.code]).toEqual([409, 'ROUND_KEY.DESTROYED']);
  });
});
