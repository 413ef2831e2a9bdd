import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { issueLocalToken, loadConfig } from '@lib/platform';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { TENANT } from '../support/test-api.js';
import { aBegrotingFrame, seedRound } from '../../libs/budgeting/src/proposal/testing/proposal.seed.js';
import { ChainingInMemoryEventStore } from './support/chaining-store.js';
import { send } from './support/fixtures.js';

const VOTING_CODE = 'KQ7M-3XWP-9RTD';
const RECEIPT = 'q3Vn0C1mXk2yJm7T0xJ5m2zV4cXl9Y0b6f1d8sKp3aA';
const PERSON = { name: 'Pieter-Jan Oudshoorn', email: 'pj.oudshoorn@example.nl', phone: '+31687654321' };

/** Everything the process writes to stdout and stderr, by any route (pino writes with fs.write*), kept out of the test output. */
function captureOutput(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const record = (fd: unknown, data: unknown) => {
    if (fd === 1 || fd === 2) chunks.push(typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
  };
  const original = { writeSync: fs.writeSync, write: fs.write, stdout: process.stdout.write, stderr: process.stderr.write };
  fs.writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
    record(fd, data);
    return fd === 1 || fd === 2 ? (typeof data === 'string' ? Buffer.byteLength(data) : (data as Buffer).length) : (original.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync;
  fs.write = ((fd: number, data: unknown, ...rest: unknown[]) => {
    record(fd, data);
    return (original.write as (...args: unknown[]) => void)(fd, data, ...rest);
  }) as typeof fs.write;
  process.stdout.write = ((data: unknown) => {
    record(1, data);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((data: unknown) => {
    record(2, data);
    return true;
  }) as typeof process.stderr.write;
  return {
    text: () => chunks.join(''),
    restore: () => {
      Object.assign(fs, { writeSync: original.writeSync, write: original.write });
      process.stdout.write = original.stdout;
      process.stderr.write = original.stderr;
    },
  };
}

let app: INestApplication;
let url: string;
let dataDir: string;
let audience: string;
let store: ChainingInMemoryEventStore;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ib-logs-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'trace' });
  audience = config.AUTH_AUDIENCE;
  store = new ChainingInMemoryEventStore();
  const startup = captureOutput();
  try {
    app = await createApiApp({ config, eventStore: store });
    await app.listen(0, '127.0.0.1');
  } finally {
    startup.restore();
  }
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  await seedRound(store, { tenant: TENANT, budgetId: 'b-logs', roundId: 'r-logs', frame: aBegrotingFrame(), phases: ['submission'], at: '2026-03-02T09:00:00.000Z' });
});
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('logs', () => {
  it('never contain a bearer token, a voting code, a ballot receipt or contact details, at the most verbose level', async () => {
    const token = await issueLocalToken(dataDir, { subject: 'staff-logs', roles: ['administrator'], tenant: TENANT, audience, ttlSeconds: 600 });
    const voter = await issueLocalToken(dataDir, { subject: 'voter-logs', roles: ['voter'], tenant: TENANT, audience, round: 'r-logs', ttlSeconds: 600 });
    const plan = { areaId: 'WK036301', themeId: 'spelen', title: 'Speeltuin', summary: 'Nieuwe toestellen', costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 }, contactDetails: PERSON };
    const output = captureOutput();
    let statuses: number[];
    try {
      statuses = [
        (await send(url, 'POST', '/rounds/r-logs/proposals', { token, body: plan })).status,
        (await send(url, 'POST', '/rounds/r-logs/proposals', { token, body: { ...plan, bsn: '123456782' } })).status,
        (await send(url, 'POST', '/rounds/r-logs/proposals', { token, body: { ...plan, costEstimate: PERSON } })).status,
        (await send(url, 'POST', '/rounds/does-not-exist/proposals', { token, body: plan })).status,
        (await send(url, 'POST', `/voting/sessions?code=${VOTING_CODE}&access_token=${token}`, { headers: { 'x-voting-code': VOTING_CODE }, body: { code: VOTING_CODE, email: PERSON.email } })).status,
        (await send(url, 'GET', `/health/ready?token=${voter}`, { token: voter, headers: { 'x-voting-code': VOTING_CODE, cookie: `session=${token}` } })).status,
        (await send(url, 'GET', '/budgets/b-logs', { headers: { authorization: `Bearer ${token}x` } })).status,
        (await send(url, 'POST', '/budgets', { token, rawBody: `[${JSON.stringify(PERSON)}]`, headers: { 'content-type': 'application/json' } })).status,
        (await send(url, 'GET', `/rounds/r-logs/receipts/${RECEIPT}`, {})).status,
        (await send(url, 'GET', `/rounds/r-logs/receipts/${RECEIPT}/result`, {})).status,
      ];
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      output.restore();
    }
    const logged = output.text();
    expect(statuses.slice(0, 4)).toEqual([201, 400, 400, 404]);
    // The logs did record the requests (so the absence below means something).
    expect(logged).toContain('/rounds/r-logs/proposals');
    expect(logged).toMatch(/"statusCode":201/);
    expect(logged).toContain('/rounds/r-logs/receipts/:receipt/result');
    for (const secret of [token, token.split('.')[2]!, voter, VOTING_CODE, RECEIPT, PERSON.name, PERSON.email, PERSON.phone, '123456782']) expect(logged).not.toContain(secret);
  });
});
