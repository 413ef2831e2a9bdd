import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { startTestApi, type TestApi } from '../../../../test/support/test-api.js';
import { ReadModelsService } from '../http/read-models.service.js';
import { given } from '../testing/read-models.given.js';
import { budgetEstablished, phaseAdvanced, ROUND, ROUND_ID, roundPlanned } from '../testing/read-models.fixtures.js';

interface StoredSeal {
  digest: string;
  upTo: string;
  sealedAt: string;
  phase?: string;
  storeChain?: { link: number; upTo: string; digest: string };
}

/** The table's cells, row by row, as text. */
function sealRows(page: string): string[][] {
  const table = /<table id="seals">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? '';
  const decode = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => decode(cell[1]!)));
}

/** The public page publishes every seal as the round records it: no one copies a digest by hand. */
describe('the public page: the round\'s seals with their time, phase change, digests and the command that checks them', () => {
  let api: TestApi;
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });

  const sealsInStore = async (): Promise<StoredSeal[]> => (await store.readStream(ROUND)).filter((e) => e.type === 'RoundSealed').map((e) => e.data as unknown as StoredSeal);
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  };

  beforeAll(async () => {
    await given(store, [budgetEstablished(), roundPlanned(), phaseAdvanced('planned', 'submission', '2026-03-01T08:00:00.000Z')]);
    api = await startTestApi(store, { env: { PROJECTOR_IN_PROCESS: 'true' } });
    // The round-seal reactor seals each phase change; the round-overview projection carries the seal to the page.
    await until(async () => (await sealsInStore()).length === 1);
    await api.app.get(ReadModelsService).settled();
  });

  afterAll(async () => {
    await api.close();
  });

  it('shows exactly the seals the round stream holds, in Dutch, with the command for the latest; and a new seal as soon as it is recorded', async () => {
    const first = await (await fetch(`${api.url}/public/rounds/${ROUND_ID}`)).text();
    const [seal] = await sealsInStore();
    expect(seal).toMatchObject({ phase: 'submission', storeChain: { digest: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(sealRows(first)).toEqual([['1', '1 maart 2026 om 09:00', 'naar indienen', seal!.digest, seal!.upTo, `${seal!.storeChain!.digest} (schakel ${seal!.storeChain!.link}, tot positie ${seal!.storeChain!.upTo})`]]);
    expect(first).toContain('<h2 id="h-seals">Zegels</h2>');
    expect(first).toContain('Zelf controleren: met leesrechten op (een kopie van) de opslag van gebeurtenissen controleert iedereen het laatste zegel met:');

    // A second phase change: its seal is on the page without anyone copying it.
    await given(store, [phaseAdvanced('submission', 'voting', '2026-04-01T08:00:00.000Z')]);
    await until(async () => (await sealsInStore()).length === 2);
    await api.app.get(ReadModelsService).settled();
    const page = await (await fetch(`${api.url}/public/rounds/${ROUND_ID}`)).text();
    const seals = await sealsInStore();
    expect(seals.map((s) => s.phase)).toEqual(['submission', 'voting']);
    const rows = sealRows(page);
    expect(rows.map((r) => [r[0], r[2], r[3], r[4]])).toEqual(seals.map((s, i) => [String(i + 1), `naar ${['indienen', 'stemmen'][i]}`, s.digest, s.upTo]));
    expect(rows.map((r) => r[5]!.slice(0, 64))).toEqual(seals.map((s) => s.storeChain!.digest));
    const latest = seals[1]!;
    const command = /<pre id="seal-check"><code>([^<]*)<\/code><\/pre>/.exec(page)![1]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    expect(command).toBe(`npm run --silent audit -- verify --round ${ROUND_ID} --expect-seal ${latest.digest} --expect-head ${latest.storeChain!.digest}`);

    const english = await (await fetch(`${api.url}/public/rounds/${ROUND_ID}?lang=en`)).text();
    expect(sealRows(english).map((r) => [r[1], r[2]])).toEqual([
      ['1 March 2026 at 09:00', 'to submission'],
      ['1 April 2026 at 10:00', 'to voting'],
    ]);
    expect(english).toContain('<h2 id="h-seals">Seals</h2>');
  });
});
