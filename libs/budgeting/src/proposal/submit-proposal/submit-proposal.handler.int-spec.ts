import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { CommandContext } from '@lib/es';
import { type AppendResult, type ExpectedRevision, InMemoryEventStore, type NewEvent } from '@lib/event-store';
import { EncryptedContactDetailsVault, InMemoryVaultStorage } from '../contact-details/contact-details.vault.js';
import { ProposalIdempotencyKeyReusedError, ProposalUnknownThemeError } from '../proposal.errors.js';
import type { RoundGateway } from '../proposal.round-gateway.js';
import { aFrame, ROUND_ID } from '../testing/proposal.given.js';
import { idempotentId, SubmitProposalHandler, SubmitProposalRequest, type SubmitProposalInput } from './submit-proposal.handler.js';

const PERSON = { name: 'Fatima de Vries', email: 'fatima@example.nl' };
const input = (overrides: Partial<SubmitProposalInput> = {}): SubmitProposalInput => ({
  areaId: 'BU03630000',
  themeId: 'spelen',
  title: 'Speeltuin Oosterpark',
  summary: 'Nieuwe speeltoestellen',
  costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 },
  contactDetails: PERSON,
  ...overrides,
});
const context = (tenant = 'GM0363'): CommandContext => ({ actor: 'staff-admin', role: 'administrator', tenant, correlationId: 'c-1', now: new Date('2026-03-02T09:00:00.000Z') });
const rounds = { submissionFrame: async () => aFrame() } as unknown as RoundGateway;

/** A store whose appends fail: the plan cannot be recorded. */
class FailingAppendStore extends InMemoryEventStore {
  override async append(_stream: string, _events: NewEvent[], _options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
    throw new Error('connection lost');
  }
}

function setUp(store = new InMemoryEventStore(), storage = new InMemoryVaultStorage()) {
  const vault = new EncryptedContactDetailsVault(storage);
  const handler = new SubmitProposalHandler(store, { newId: () => randomUUID() }, rounds, vault);
  return { store, storage, vault, handler };
}

describe('SubmitProposal: contact details first, then the plan', () => {
  it('records the plan and its details under one new pseudonym', async () => {
    const { store, vault, handler } = setUp();
    const result = await handler.execute(new SubmitProposalRequest(ROUND_ID, input(), { context: context() }));
    const [submitted] = await store.readStream(`Proposal-${result.proposalId}`);
    expect(await vault.read((submitted!.data as { submitterRef: string }).submitterRef)).toEqual(PERSON);
  });

  it('appends nothing when the vault fails, so no plan exists without its details', async () => {
    const storage = new InMemoryVaultStorage();
    storage.putSealed = async () => {
      throw new Error('vault down');
    };
    const { store, handler } = setUp(new InMemoryEventStore(), storage);
    await expect(handler.execute(new SubmitProposalRequest(ROUND_ID, input(), { context: context() }))).rejects.toThrow('vault down');
    expect(await store.readAll()).toEqual([]);
  });

  it('discards the details again when the plan cannot be appended', async () => {
    const { storage, handler } = setUp(new FailingAppendStore());
    await expect(handler.execute(new SubmitProposalRequest(ROUND_ID, input(), { context: context() }, 'retry-key-0001'))).rejects.toThrow('connection lost');
    const ref = `sub-${idempotentId('GM0363', 'retry-key-0001', 'submitter')}`;
    expect([await storage.getSealed(ref), await storage.getKey(ref)]).toEqual([null, null]);
  });

  it('stores no personal data for a plan the decision refuses', async () => {
    const storage = new InMemoryVaultStorage();
    let stored = 0;
    const putSealed = storage.putSealed.bind(storage);
    storage.putSealed = async (ref, sealed) => {
      stored++;
      return putSealed(ref, sealed);
    };
    const { handler } = setUp(new InMemoryEventStore(), storage);
    await expect(handler.execute(new SubmitProposalRequest(ROUND_ID, input({ themeId: 'parkeren' }), { context: context() }))).rejects.toBeInstanceOf(ProposalUnknownThemeError);
    expect(stored).toBe(0);
  });
});

describe('SubmitProposal with an Idempotency-Key', () => {
  it('answers a retry with the plan the first attempt made, appending nothing', async () => {
    const { store, handler } = setUp();
    const first = await handler.execute(new SubmitProposalRequest(ROUND_ID, input(), { context: context() }, 'key-0000-0001'));
    const retry = await handler.execute(new SubmitProposalRequest(ROUND_ID, input(), { context: context() }, 'key-0000-0001'));
    expect(retry).toEqual(first);
    expect({ ...first, events: first.events.map((e) => e.type) }).toEqual({ proposalId: idempotentId('GM0363', 'key-0000-0001', 'proposal'), nextRevision: 0n, events: ['ProposalSubmitted'] });
    expect((await store.readAll()).map((e) => e.type)).toEqual(['ProposalSubmitted']);
  });

  it('makes one plan of concurrent retries', async () => {
    const { store, handler } = setUp();
    const answers = await Promise.all([1, 2, 3].map(() => handler.execute(new SubmitProposalRequest(ROUND_ID, input(), { context: context() }, 'key-0000-0002'))));
    expect(new Set(answers.map((a) => a.proposalId)).size).toBe(1);
    expect((await store.readAll()).map((e) => e.type)).toEqual(['ProposalSubmitted']);
  });

  it('refuses the key for another plan', async () => {
    const { handler } = setUp();
    await handler.execute(new SubmitProposalRequest(ROUND_ID, input(), { context: context() }, 'key-0000-0003'));
    await expect(handler.execute(new SubmitProposalRequest(ROUND_ID, input({ title: 'Iets anders' }), { context: context() }, 'key-0000-0003'))).rejects.toBeInstanceOf(ProposalIdempotencyKeyReusedError);
  });

  it('keeps municipalities apart: the same key makes another plan elsewhere', async () => {
    const { store, handler } = setUp();
    const here = await handler.execute(new SubmitProposalRequest(ROUND_ID, input(), { context: context('GM0363') }, 'key-0000-0004'));
    const there = await handler.execute(new SubmitProposalRequest(ROUND_ID, input(), { context: context('GM0014') }, 'key-0000-0004'));
    expect(there.proposalId).not.toBe(here.proposalId);
    expect((await store.readAll()).map((e) => e.metadata.tenant)).toEqual(['GM0363', 'GM0014']);
  });
});
