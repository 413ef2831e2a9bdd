import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { startTestApi, type TestApi } from '../../../../test/support/test-api.js';
import { ReadModelsService } from '../http/read-models.service.js';
import { given } from '../testing/read-models.given.js';
import { budgetEstablished, phaseAdvanced, planSubmitted, ROUND_ID, roundEvent, roundPlanned } from '../testing/read-models.fixtures.js';

const euros = (cents: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The public page names areas as the frame does and gives each plan the one cost it is voted and counted with. */
describe('the public page: area names and one cost per plan', () => {
  let api: TestApi;
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });

  beforeAll(async () => {
    await given(store, [
      budgetEstablished(),
      roundPlanned(),
      phaseAdvanced('planned', 'submission', '2026-03-01T08:00:00.000Z'),
      // €25.000 investment plus 5 years of €500 maintenance: €27.500 on the ballot and in the count.
      planSubmitted('p-1', { title: 'Speeltuin', costCents: 2_500_000, areaId: 'BU03630000' }),
      planSubmitted('p-2', { title: 'Bankjes', costCents: 800_000, areaId: 'BU03630001' }),
      phaseAdvanced('submission', 'counting', '2026-05-16T08:00:00.000Z'),
      roundEvent('ResultPublished', {
        frameVersion: 1,
        winners: [{ proposalId: 'p-1', amountCents: 2_750_000, areaCode: null }],
        explanation: [
          { proposalId: 'p-1', selected: true, votes: 12, explanation: 'Most votes' },
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

  it('shows each plan with its area\'s name and the cost it is counted with, the same as the result\'s amount', async () => {
    const page = await (await fetch(`${api.url}/public/rounds/${ROUND_ID}`)).text();
    const plans = page.slice(page.indexOf('<section aria-labelledby="h-plans">'), page.indexOf('<section aria-labelledby="h-seals">'));
    expect(plans).toMatch(new RegExp(`<th scope="row">Speeltuin</th><td>Oosterpark</td><td class="num">${esc(euros(2_750_000))}</td>`));
    expect(plans).toMatch(new RegExp(`<th scope="row">Bankjes</th><td>Dapperbuurt</td><td class="num">${esc(euros(1_050_000))}</td>`));
    expect(page).not.toContain('BU03630000');
    expect(page).not.toContain(euros(2_500_000));
    const result = page.slice(0, page.indexOf('<section aria-labelledby="h-plans">'));
    expect(result).toContain(euros(2_750_000));
  });
});
