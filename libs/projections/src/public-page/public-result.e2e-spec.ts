import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { startTestApi, type TestApi } from '../../../../test/support/test-api.js';
import { ReadModelsService } from '../http/read-models.service.js';
import { given } from '../testing/read-models.given.js';
import { budgetEstablished, phaseAdvanced, planSubmitted, ROUND_ID, roundEvent, roundPlanned } from '../testing/read-models.fixtures.js';

/** The residents' portal reads the published result as JSON: the same result the public page shows, nothing before it. */
describe('the public result as JSON', () => {
  let api: TestApi;
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });
  const OTHER_ROUND = '00000000-0000-4000-8000-0000000000aa';

  beforeAll(async () => {
    await given(store, [
      budgetEstablished(),
      roundPlanned(),
      phaseAdvanced('planned', 'submission', '2026-03-01T08:00:00.000Z'),
      planSubmitted('p-1', { title: 'Speeltuin', costCents: 2_500_000, areaId: 'BU03630000' }),
      planSubmitted('p-2', { title: 'Bankjes', costCents: 800_000, areaId: 'BU03630001' }),
      phaseAdvanced('submission', 'counting', '2026-05-16T08:00:00.000Z'),
      roundEvent('ResultPublished', {
        frameVersion: 1,
        winners: [{ proposalId: 'p-1', amountCents: 2_750_000, areaCode: null }],
        explanation: [
          { proposalId: 'p-1', selected: true, votes: 12, explanation: 'selected: 12 votes, fitted with €22,500.00 left' },
          { proposalId: 'p-2', selected: false, votes: 3, explanation: 'Fewer votes' },
        ],
        totalCents: 2_750_000,
        at: '2026-05-16T09:00:00.000Z',
      }),
    ]);
    api = await startTestApi(store, { env: { PROJECTOR_IN_PROCESS: 'true' } });
    await api.app.get(ReadModelsService).settled();
  });

  afterAll(async () => {
    await api.close();
  });

  it('gives the winners first, with amount, votes and why in Dutch and English, without a token', async () => {
    const response = await fetch(`${api.url}/public/rounds/${ROUND_ID}/result`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^".+"$/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ roundId: ROUND_ID, published: true, resultStatus: 'published' });
    expect(body.plans).toEqual([
      { planId: 'p-1', title: 'Speeltuin', selected: true, votes: 12, amountCents: 2_750_000, reason: 'selected', explanation: { nl: expect.any(String), en: expect.any(String) } },
      { planId: 'p-2', title: 'Bankjes', selected: false, votes: 3, amountCents: null, reason: null, explanation: { nl: 'Fewer votes', en: 'Fewer votes' } },
    ]);
    const [winner] = body.plans as { explanation: { nl: string; en: string } }[];
    expect(winner!.explanation.nl).not.toBe(winner!.explanation.en);
  });

  it('answers an unknown round with READ_MODEL.NOT_FOUND', async () => {
    const response = await fetch(`${api.url}/public/rounds/${OTHER_ROUND}/result`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('READ_MODEL.NOT_FOUND');
  });
});
