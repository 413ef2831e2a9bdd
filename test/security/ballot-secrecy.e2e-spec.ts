import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { DomainEvent } from '@lib/es';
import { budgetStream, proposalStream } from '@lib/budgeting';
import { type Database, issueLocalToken, loadConfig, openDatabase, type Role } from '@lib/platform';
import { ballotRefOf, participantRefOf } from '@lib/voting';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../libs/budgeting/src/budget/testing/budget.given.js';
import { anAdmittedPlan } from '../../libs/budgeting/src/proposal/testing/proposal.given.js';

const TENANT = 'GM0363';
const DAY = 24 * 60 * 60 * 1000;

interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

/**
 * Issue #18's secrecy test: after the close of voting, whoever holds every voting code (the
 * administrator received them in clear) and can read the whole event database (events, read
 * models, checkpoints: every table of every schema) cannot tell which ballot is whose. The round
 * runs through the real api on the embedded PGlite (events and read models in one database), the
 * round keys in their own directory. The same attack before the close, with the key directory,
 * does link every code to its ballot: the positive control that shows the test can fail.
 */
describe('ballot secrecy after the close: the codes and a full read of the database link no ballot to a code', () => {
  let dataDir: string;
  let database: Database;
  let app: INestApplication;
  let url: string;
  let now = new Date('2026-05-01T09:00:00.000Z');
  const token = (role: Role, subject = `staff-${role}`) => issueLocalToken(dataDir, { subject, roles: [role], tenant: TENANT, audience: 'inwonersbudget', ttlSeconds: 3600 });
  const keyDir = () => join(dataDir, 'round-keys');

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ballot-secrecy-'));
    // The key clock runs (the end of a correction window comes by itself); the projector runs in the process.
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ROUND_CLOCK_TICK_MS: '100' });
    database = await openDatabase(config);
    app = await createApiApp({ config, eventStore: database.eventStore, database, clock: { now: () => now }, quiet: true });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: Record<string, unknown>;
    try {
      body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      body = {};
    }
    return { status: response.status, body, text };
  }

  async function given(stream: string, events: DomainEvent[]): Promise<void> {
    await database.eventStore.append(
      stream,
      events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata: { actor: 'staff-0', role: 'administrator', tenant: TENANT } })),
      { expectedRevision: 'any' },
    );
  }

  const eventCount = async () => (await database.eventStore.readAll({ maxCount: 1_000_000 })).length;
  const boxEvents = async (roundId: string) => database.eventStore.readStream(`BallotBox-${roundId}`);

  /** A round's vote through the api: box, printed codes, open, every code signs in, all but the last cast a ballot. */
  async function aVote(correctionWindowDays: number): Promise<{ roundId: string; codes: string[]; admin: string }> {
    const admin = await token('administrator');
    const roundId = randomUUID();
    const budgetId = randomUUID();
    const plans = [randomUUID(), randomUUID(), randomUUID()];
    const frame = aBurgerbegrotingFrame();
    await given(budgetStream(budgetId), [
      { type: 'BudgetEstablished', data: { budgetId, version: 1, frame: { ...frame, ballot: { ...frame.ballot!, correctionWindowDays } }, areaAmounts: [], decision: COUNCIL_DECISION, template: null, establishedAt: '2026-01-15T10:00:00.000Z' } },
    ]);
    for (const planId of plans) {
      await given(proposalStream(planId), anAdmittedPlan().map((e) => ({ ...e, data: { ...e.data, proposalId: planId, ...(e.type === 'ProposalSubmitted' ? { roundId, budgetId } : {}) } })) as DomainEvent[]);
    }
    expect((await call('POST', `/rounds/${roundId}/ballot-box`, { token: admin, body: { budgetId, proposalIds: plans } })).status).toBe(201);
    const printed = await call('POST', `/rounds/${roundId}/voting-codes`, { token: admin, body: { count: 6, area: 'WK036301', ageBand: '18-64' } });
    expect(printed.status).toBe(201);
    const codes = printed.text.trim().split('\n').slice(1).map((line) => line.split(',')[0]!);
    expect((await call('POST', `/rounds/${roundId}/ballot-box/open`, { token: admin, body: { reason: 'Stemperiode volgens raadsbesluit' } })).status).toBe(200);
    const choices = [[plans[0]], [plans[1]], [plans[0], plans[2]], [plans[2]]];
    for (const [i, code] of codes.entries()) {
      const session = await call('POST', `/rounds/${roundId}/voter-sessions`, { body: { code } });
      expect(session.status).toBe(201);
      if (i >= choices.length) continue;
      const cast = await call('POST', `/rounds/${roundId}/ballots`, { token: session.body.token as string, body: { type: 'approval', choices: choices[i] } });
      expect(cast.status).toBe(201);
    }
    return { roundId, codes, admin };
  }

  /** Every row of every table in every schema of the database, as text (bytea as `\x…` hex). */
  async function dumpDatabase(): Promise<string> {
    const tables = await database.sql.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    expect(tables.length).toBeGreaterThan(10);
    const parts: string[] = [];
    for (const t of tables) {
      const rows = await database.sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${t.schema}"."${t.name}" t`);
      for (const r of rows) parts.push(r.row);
    }
    return parts.join('\n');
  }

  /** Every file in the key directory, as bytes and as text. */
  async function dumpKeyDirectory(): Promise<{ text: string; raw: Buffer[] }> {
    const raw: Buffer[] = [];
    for (const name of await readdir(keyDir())) raw.push(await readFile(join(keyDir(), name)));
    return { text: raw.map((b) => b.toString('latin1')).join('\n'), raw };
  }

  /** Every value that could be a 32-byte HMAC key: 64 hex digits (bytea included), base64 or base64url of 32 bytes, raw 32-byte files. */
  function candidateKeys(text: string, raw: Buffer[] = []): Buffer[] {
    const seen = new Set<string>();
    const keys: Buffer[] = [];
    const add = (key: Buffer) => {
      const hex = key.toString('hex');
      if (key.length !== 32 || seen.has(hex)) return;
      seen.add(hex);
      keys.push(key);
    };
    for (const m of text.matchAll(/[0-9a-fA-F]{64}/g)) add(Buffer.from(m[0], 'hex'));
    for (const m of text.matchAll(/[A-Za-z0-9+/_-]{43}=?/g)) add(Buffer.from(m[0].replaceAll('-', '+').replaceAll('_', '/'), 'base64'));
    for (const b of raw) add(b);
    return keys;
  }

  /** How many codes some candidate key turns into a ballot pseudonym found on a ballot of the round, or into a participant of it. */
  async function linked(roundId: string, codes: string[], keys: Buffer[]): Promise<{ ballots: number; participants: number }> {
    const events = await database.eventStore.readAll({ maxCount: 1_000_000 });
    const ballotRefs = new Set(events.filter((e) => e.type === 'BallotCast' && (e.data as { roundId: string }).roundId === roundId).map((e) => (e.data as { ballotRef: string }).ballotRef));
    const participantRefs = new Set(events.filter((e) => e.type === 'ParticipantRegistered' && (e.data as { roundId: string }).roundId === roundId).map((e) => (e.data as { participantRef: string }).participantRef));
    expect(ballotRefs.size).toBeGreaterThanOrEqual(4);
    let ballots = 0;
    let participants = 0;
    for (const code of codes) {
      let toBallot = false;
      let toParticipant = false;
      for (const key of keys) {
        const participantRef = participantRefOf(key, code);
        if (participantRefs.has(participantRef)) toParticipant = true;
        if (ballotRefs.has(ballotRefOf(key, participantRef))) toBallot = true;
      }
      if (toBallot) ballots++;
      if (toParticipant) participants++;
    }
    return { ballots, participants };
  }

  /** Waits until the projector has seen the round's sign-ins and the key's destruction (so the dump holds the read models as they end). */
  async function projected(roundId: string, signIns: number): Promise<Record<string, unknown>> {
    const auditor = await token('auditor');
    for (let i = 0; i < 200; i++) {
      const turnout = await call('GET', `/read-models/rounds/${roundId}/turnout`, { token: auditor });
      if (turnout.status === 200 && turnout.body.signIns === signIns && turnout.body.keyDestroyedAt !== null) return turnout.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the read models did not reach ${signIns} sign-ins and the key's destruction`);
  }

  it('closing without a correction window destroys the key at once: before, the key directory links every code; after, nothing does', async () => {
    now = new Date('2026-05-01T09:00:00.000Z');
    const { roundId, codes, admin } = await aVote(0);

    // Positive control: the database alone links nothing, the database with the key directory links every code.
    const before = await dumpDatabase();
    expect(await linked(roundId, codes, candidateKeys(before))).toEqual({ ballots: 0, participants: 0 });
    const keys = await dumpKeyDirectory();
    expect(await linked(roundId, codes, candidateKeys(`${before}\n${keys.text}`, keys.raw))).toEqual({ ballots: 4, participants: 6 });

    now = new Date('2026-05-14T17:00:00.000Z');
    expect((await call('POST', `/rounds/${roundId}/ballot-box/close`, { token: admin, body: { reason: 'Einde stemperiode' } })).status).toBe(200);
    const last = (await boxEvents(roundId)).at(-1)!;
    expect([last.type, last.data]).toEqual(['RoundKeyDestroyed', { roundId, reason: 'voting-closed', destroyedAt: '2026-05-14T17:00:00.000Z' }]);
    expect(await projected(roundId, 6)).toMatchObject({ signIns: 6, keyDestroyedAt: '2026-05-14T17:00:00.000Z' });

    // The same attack after the close: every table, every file left in the key directory.
    const files = await readdir(keyDir());
    expect(files).toContain(`${roundId}.destroyed`);
    expect(files).not.toContain(`${roundId}.key`);
    const after = await dumpDatabase();
    const left = await dumpKeyDirectory();
    expect(await linked(roundId, codes, candidateKeys(`${after}\n${left.text}`, left.raw))).toEqual({ ballots: 0, participants: 0 });
    // And the api does not do it either: a code leads nowhere any more.
    const officialA = await token('official', 'official-a');
    const batch = await call('POST', `/rounds/${roundId}/paper-batches`, { token: officialA, body: { pollingStation: 'Stadhuis', batchNumber: 1, slipCount: 1 } });
    expect(batch.status).toBe(201);
    const plan = ((await boxEvents(roundId))[0]!.data as { frame: { plans: { planId: string }[] } }).frame.plans[0]!.planId;
    const events = await eventCount();
    const late = await call('POST', `/rounds/${roundId}/paper-batches/${batch.body.id as string}/ballots`, { token: officialA, body: { code: codes[5], ballot: { type: 'approval', choices: [plan] } } });
    expect([late.status, late.body.code]).toEqual([409, 'ROUND_KEY.DESTROYED']);
    expect(await eventCount()).toBe(events);
  }, 120_000);

  it('with a correction window paper ballots are still entered after the close; at its end the key goes by itself, and then nothing links a code', async () => {
    now = new Date('2026-06-01T09:00:00.000Z');
    const { roundId, codes, admin } = await aVote(7);
    const closedAt = new Date('2026-06-14T17:00:00.000Z');
    now = closedAt;
    expect((await call('POST', `/rounds/${roundId}/ballot-box/close`, { token: admin, body: { reason: 'Einde stemperiode' } })).status).toBe(200);
    expect((await boxEvents(roundId)).map((e) => e.type).at(-1)).toBe('BallotBoxClosed');

    // Inside the window: the paper slip of the fifth code is entered (the key still lives, and links, as the control shows).
    now = new Date(closedAt.getTime() + 3 * DAY);
    const officialA = await token('official', 'official-a');
    const batch = await call('POST', `/rounds/${roundId}/paper-batches`, { token: officialA, body: { pollingStation: 'Stadhuis', batchNumber: 1, slipCount: 2 } });
    expect(batch.status).toBe(201);
    const batchId = batch.body.id as string;
    const plan = ((await boxEvents(roundId))[0]!.data as { frame: { plans: { planId: string }[] } }).frame.plans[0]!.planId;
    const entered = await call('POST', `/rounds/${roundId}/paper-batches/${batchId}/ballots`, { token: officialA, body: { code: codes[4], ballot: { type: 'approval', choices: [plan] } } });
    expect(entered.status).toBe(201);
    const keys = await dumpKeyDirectory();
    expect((await linked(roundId, codes, candidateKeys((await dumpDatabase()) + keys.text, keys.raw))).participants).toBe(6);

    // The window ends: the key clock destroys the key and records why; nothing is needed from staff.
    now = new Date(closedAt.getTime() + 7 * DAY);
    let destroyed;
    for (let i = 0; i < 200 && !destroyed; i++) {
      destroyed = (await boxEvents(roundId)).find((e) => e.type === 'RoundKeyDestroyed');
      if (!destroyed) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(destroyed?.data).toEqual({ roundId, reason: 'correction-window-ended', destroyedAt: now.toISOString() });
    expect(destroyed?.metadata).toMatchObject({ actor: 'round-key-clock', role: 'system', tenant: TENANT });

    // After it: the sixth slip is refused with its own code, and nothing is appended.
    const events = await eventCount();
    const late = await call('POST', `/rounds/${roundId}/paper-batches/${batchId}/ballots`, { token: officialA, body: { code: codes[5], ballot: { type: 'approval', choices: [plan] } } });
    expect([late.status, late.body.code, late.body.status]).toEqual([409, 'ROUND_KEY.DESTROYED', 409]);
    expect(await eventCount()).toBe(events);
    expect(await projected(roundId, 6)).toMatchObject({ keyDestroyedAt: now.toISOString() });

    const files = await readdir(keyDir());
    expect(files).toContain(`${roundId}.destroyed`);
    expect(files).not.toContain(`${roundId}.key`);
    const left = await dumpKeyDirectory();
    expect(await linked(roundId, codes, candidateKeys(`${await dumpDatabase()}\n${left.text}`, left.raw))).toEqual({ ballots: 0, participants: 0 });
  }, 120_000);
});
