import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Global, type INestApplication, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { verifyStore } from '@lib/audit';
import { verifyChain } from '@lib/es';
import { issueLocalToken, loadConfig, PERSONAL_DATA_KEYS, type Role } from '@lib/platform';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { CONTACT_DETAILS_VAULT, type ContactDetailsVault } from '../../libs/budgeting/src/proposal/contact-details/contact-details.vault.js';
import { OTHER_TENANT, TENANT } from '../support/test-api.js';
import { ChainingInMemoryEventStore } from './support/chaining-store.js';
import { send } from './support/fixtures.js';
import { aBegrotingFrame, seedRound } from '../../libs/budgeting/src/proposal/testing/proposal.seed.js';

/** The one-line binding asked of the plans' module: the erasure command reaches their vault's keys. */
@Global()
@Module({
  providers: [{ provide: PERSONAL_DATA_KEYS, useFactory: (modules: ModuleRef) => ({ eraseKey: (ref: string) => modules.get<{ eraseKey(r: string): Promise<void> }>(CONTACT_DETAILS_VAULT, { strict: false }).eraseKey(ref) }), inject: [ModuleRef] }],
  exports: [PERSONAL_DATA_KEYS],
})
class VaultKeysBinding {}

const PERSON = { name: 'Fatima de Vries', email: 'fatima.devries@example.nl', phone: '+31612345678' };

let store: ChainingInMemoryEventStore;
let app: INestApplication;
let url: string;
let dataDir: string;
let audience: string;
const token = (role: Role, tenant = TENANT) => issueLocalToken(dataDir, { subject: `staff-${role}`, roles: [role], tenant, audience, ttlSeconds: 600 });
const vault = () => app.get<ContactDetailsVault>(CONTACT_DETAILS_VAULT, { strict: false });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ib-erasure-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  audience = config.AUTH_AUDIENCE;
  store = new ChainingInMemoryEventStore();
  app = await createApiApp({ config, eventStore: store, quiet: true, modules: [VaultKeysBinding] });
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
});
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function submitPlanWithContactDetails(): Promise<{ proposalId: string; submitterRef: string }> {
  const roundId = `r-erasure-${Math.random().toString(36).slice(2, 8)}`;
  await seedRound(store, { tenant: TENANT, budgetId: `b-${roundId}`, roundId, frame: aBegrotingFrame(), phases: ['submission'], at: '2026-03-02T09:00:00.000Z' });
  const reply = await send(url, 'POST', `/rounds/${roundId}/proposals`, {
    token: await token('administrator'),
    body: { areaId: 'WK036301', themeId: 'spelen', title: 'Speeltuin', summary: 'Nieuwe toestellen', costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 }, contactDetails: PERSON },
  });
  expect(reply.status).toBe(201);
  const proposalId = reply.body.id as string;
  const [submitted] = await store.readStream(`Proposal-${proposalId}`);
  return { proposalId, submitterRef: (submitted!.data as { submitterRef: string }).submitterRef };
}

describe('POST /submitters/{ref}/erasure (crypto-shredding)', () => {
  it('erases the contact details for good while the plan, its history and every chain stay intact', async () => {
    const { proposalId, submitterRef } = await submitPlanWithContactDetails();
    const admin = await token('administrator');
    expect((await send(url, 'GET', `/proposals/${proposalId}`, { token: admin })).body.contactDetails).toEqual(PERSON);
    const before = await verifyStore(store);
    expect(before).toMatchObject({ ok: true, breaks: [] });
    const historyBefore = await store.readStream(`Proposal-${proposalId}`);

    const reply = await send(url, 'POST', `/submitters/${submitterRef}/erasure`, { token: admin, body: { reason: 'Verzoek van betrokkene van 2026-05-28 (AVG art. 17)' } });

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ submitterRef, revision: '0', events: ['ContactDetailsErased'] });
    expect(reply.headers.get('etag')).toBe('"0"');
    // The details are unreadable: the key is gone; the plan still reads, without them.
    expect(await vault().read(submitterRef)).toBeNull();
    const plan = await send(url, 'GET', `/proposals/${proposalId}`, { token: admin });
    expect(plan.status).toBe(200);
    expect(plan.body.contactDetails ?? null).toBeNull();
    expect(plan.body).toMatchObject({ proposalId, status: 'submitted' });
    // The plan's history is untouched; the erasure is a recorded fact without personal data.
    expect(await store.readStream(`Proposal-${proposalId}`)).toEqual(historyBefore);
    const [erased] = await store.readStream(`SubmitterErasure-${submitterRef}`);
    expect(erased).toMatchObject({ type: 'ContactDetailsErased', data: { submitterRef, erasedAt: expect.any(String) }, metadata: { actor: 'staff-administrator', role: 'administrator', tenant: TENANT, reason: 'Verzoek van betrokkene van 2026-05-28 (AVG art. 17)' } });
    // Every audit check still passes: the chains of every stream, the new one included.
    const after = await verifyStore(store);
    expect(after).toMatchObject({ ok: true, breaks: [], events: before.events + 1 });
    for (const stream of new Set((await store.readAll({ maxCount: 100_000 })).map((e) => e.streamName))) {
      expect(verifyChain(stream, await store.readStream(stream))).toBeNull();
    }
    const everything = JSON.stringify((await store.readAll({ maxCount: 100_000 })).map((e) => [e.data, e.metadata]));
    for (const personal of Object.values(PERSON)) expect(everything).not.toContain(personal);
  });

  it('happens once: a second erasure is refused and appends nothing', async () => {
    const { submitterRef } = await submitPlanWithContactDetails();
    const admin = await token('administrator');
    expect((await send(url, 'POST', `/submitters/${submitterRef}/erasure`, { token: admin, body: { reason: 'Verzoek' } })).status).toBe(200);
    const count = (await store.readAll({ maxCount: 100_000 })).length;
    const again = await send(url, 'POST', `/submitters/${submitterRef}/erasure`, { token: admin, body: { reason: 'Nog eens' } });
    expect([again.status, again.body.code]).toEqual([409, 'SUBMITTER.ALREADY_ERASED']);
    expect((await store.readAll({ maxCount: 100_000 })).length).toBe(count);
  });

  it('is for administrators of the submitter\'s municipality only, with a reason; nothing is erased otherwise', async () => {
    const { submitterRef } = await submitPlanWithContactDetails();
    const count = (await store.readAll({ maxCount: 100_000 })).length;
    const body = { reason: 'Verzoek van betrokkene' };
    expect((await send(url, 'POST', `/submitters/${submitterRef}/erasure`, { body })).status).toBe(401);
    for (const role of ['reviewer', 'official', 'auditor', 'voter'] as Role[]) expect((await send(url, 'POST', `/submitters/${submitterRef}/erasure`, { token: await token(role), body })).status).toBe(403);
    const foreign = await send(url, 'POST', `/submitters/${submitterRef}/erasure`, { token: await token('administrator', OTHER_TENANT), body });
    const unknown = await send(url, 'POST', '/submitters/sub-does-not-exist/erasure', { token: await token('administrator'), body });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'SUBMITTER.NOT_FOUND']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'SUBMITTER.NOT_FOUND']);
    const admin = await token('administrator');
    expect((await send(url, 'POST', `/submitters/${submitterRef}/erasure`, { token: admin, body: {} })).status).toBe(400);
    expect((await send(url, 'POST', `/submitters/${submitterRef}/erasure`, { token: admin, body: { reason: '   ' } })).body.code).toBe('SUBMITTER.REASON_REQUIRED');
    expect((await send(url, 'POST', '/submitters/..%2Fx/erasure', { token: admin, body })).status).toBe(400);
    expect((await store.readAll({ maxCount: 100_000 })).length).toBe(count);
    expect(await vault().read(submitterRef)).toEqual(PERSON);
  });
});
