import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { fillPath, nestEndpoints } from '../../../../test/security/support/endpoints.js';
import { startTestApi, type TestApi } from '../../../../test/support/test-api.js';
import { LiveFeed } from '../http/live-feed.js';
import { ReadModelsService } from '../http/read-models.service.js';
import { given, type GivenEvent } from '../testing/read-models.given.js';
import { BUDGET_ID, budgetEstablished, phaseAdvanced, planSubmitted, ROUND_ID, roundPlanned } from '../testing/read-models.fixtures.js';

const box = (type: string, data: object): GivenEvent => ({ stream: `BallotBox-${ROUND_ID}`, type, data: { roundId: ROUND_ID, ...data } });
const cast = (ref: string, choices: string[]): GivenEvent => ({
  stream: `Ballot-${ROUND_ID}_${ref}`,
  type: 'BallotCast',
  data: { roundId: ROUND_ID, ballotRef: ref, channel: 'online', verification: 'voting-code', area: 'BU03630000', content: { type: 'approval', choices }, batchId: null, castAt: '2026-05-02T10:00:00.000Z' },
});

// 37 ballots: 29 for the playground, 17 for the benches, on a roll of 53. None of these figures may reach the public.
const BALLOTS = 37;
const FOR_P1 = 29;
const FOR_P2 = 17;
const ELIGIBLE = 53;
const COUNTS = new RegExp(`(?<![\\d.])(${BALLOTS}|${FOR_P1}|${FOR_P2}|${ELIGIBLE})(?![\\d.])`);
/** The size of the roll is no result: staff exports may carry it, never the ballots. */
const VOTE_COUNTS = new RegExp(`(?<![\\d.])(${BALLOTS}|${FOR_P1}|${FOR_P2})(?![\\d.])`);

/** The roll: one registration per code, each in its own Participant stream. */
function roll(): GivenEvent[] {
  return Array.from({ length: ELIGIBLE }, (_, i) => ({
    stream: `Participant-${ROUND_ID}_p${i}`,
    type: 'ParticipantRegistered',
    data: { roundId: ROUND_ID, participantRef: `p${i}`, rootRef: `p${i}`, area: 'BU03630000', ageBand: '18-64', eligible: true, ineligibility: null, source: 'municipality-file', registeredAt: '2026-04-20T10:00:00.000Z' },
  }));
}

function ballots(): GivenEvent[] {
  return Array.from({ length: BALLOTS }, (_, i) => cast(`v${i}`, [...(i < FOR_P1 ? ['p-1'] : []), ...(i >= BALLOTS - FOR_P2 ? ['p-2'] : [])]));
}

describe('interim results do not leak while voting runs (frame without public interim results)', () => {
  let api: TestApi;
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });

  beforeAll(async () => {
    await given(store, [
      budgetEstablished({ interimResultsPublic: false }),
      roundPlanned(),
      phaseAdvanced('planned', 'submission', '2026-03-01T08:00:00.000Z'),
      planSubmitted('p-1', { title: 'Speeltuin Oosterpark', costCents: 2_500_000 }),
      planSubmitted('p-2', { title: 'Bankjes', costCents: 800_000 }),
      phaseAdvanced('submission', 'voting', '2026-05-01T08:00:00.000Z'),
      box('BallotBoxPrepared', {
        frame: { budgetId: BUDGET_ID, frameVersion: 1, ballot: { type: 'approval' }, tally: { rule: 'greedy' }, budgetCents: 30_000_000, plans: [{ planId: 'p-1', costCents: 2_500_000 }, { planId: 'p-2', costCents: 800_000 }] },
        preparedAt: '2026-04-15T10:00:00.000Z',
      }),
      ...roll(),
      box('BallotBoxOpened', { reason: 'Planning', openedAt: '2026-05-01T08:00:00.000Z' }),
    ]);
    api = await startTestApi(store, { env: { PROJECTOR_IN_PROCESS: 'true' } });
    await api.app.get(ReadModelsService).settled();
  });

  afterAll(async () => {
    await api.close();
  });

  it('staff see the live count (so the figures exist), but no public route, the evaluation export nor the live feed carries them', async () => {
    // The live feed is open while the ballots arrive.
    const feed = api.app.get(LiveFeed);
    feed.options.pollMs = 50;
    const stream = await fetch(`${api.url}/read-models/feed`, { headers: { authorization: `Bearer ${await api.token('official')}` } });
    const reader = stream.body!.getReader();
    let sse = '';
    const readFor = async (ms: number) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([reader.read(), new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), deadline - Date.now())))]);
        clearTimeout(timer);
        if (chunk === 'timeout' || chunk.done) break;
        sse += new TextDecoder().decode(chunk.value);
      }
    };
    try {
      await readFor(300);
      await given(store, ballots());
      await api.app.get(ReadModelsService).settled();
      await readFor(500);
    } finally {
      await reader.cancel().catch(() => undefined);
    }

    const staff = await api.token('official');
    const turnout = (await (await fetch(`${api.url}/read-models/rounds/${ROUND_ID}/turnout`, { headers: { authorization: `Bearer ${staff}` } })).json()) as { ballots: number; liveCount: { planId: string; ballots: number }[] };
    expect({ ballots: turnout.ballots, liveCount: turnout.liveCount.map((l) => [l.planId, l.ballots]) }).toEqual({ ballots: BALLOTS, liveCount: [['p-1', FOR_P1], ['p-2', FOR_P2]] });

    // Every @Public() route, each in both page languages where it takes one.
    const publicRoutes = nestEndpoints(api.app).filter((e) => e.rule?.kind === 'public');
    expect(publicRoutes.map((e) => e.key)).toEqual(expect.arrayContaining(['GET /public/rounds/:roundId', 'GET /metrics', 'GET /health/ready']));
    const scanned: string[] = [];
    for (const endpoint of publicRoutes) {
      const path = fillPath(endpoint.path, { roundId: ROUND_ID, receipt: 'q3Vn0C1mXk2yJm7T0xJ5m2zV4cXl9Y0b6f1d8sKp3aA' });
      for (const query of endpoint.path.startsWith('/public/') ? ['', '?lang=en'] : ['']) {
        const response = await fetch(`${api.url}${path}${query}`, { method: endpoint.method, ...(endpoint.method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }) });
        const body = await response.text();
        scanned.push(`${endpoint.method} ${path}${query} ${response.status}`);
        const leaking =
          endpoint.path === '/metrics'
            ? metricsLeaks(body)
            : body
                // The seals' SHA-256 digests are hex: any two digits in them are no count.
                .replace(/\b[0-9a-f]{64}\b/g, '')
                .replace(/<[^>]*>/g, '\n')
                .split('\n')
                .filter((line) => COUNTS.test(line));
        expect({ route: `${endpoint.method} ${path}${query}`, leaking }).toEqual({ route: `${endpoint.method} ${path}${query}`, leaking: [] });
      }
    }
    expect(scanned).toContain(`GET /public/rounds/${ROUND_ID} 200`);
    const page = await (await fetch(`${api.url}/public/rounds/${ROUND_ID}`)).text();
    expect(page).toContain('Tijdens het stemmen tonen we geen tussenstand.');
    expect(page).not.toMatch(/Tussenstand \(|stemgerechtigden|<svg|Stemmen/);

    // The evaluation export (JSON and CSV) leaves ballots, turnout and representativeness out.
    const evaluation = (await (await fetch(`${api.url}/read-models/evaluation?roundId=${ROUND_ID}`, { headers: { authorization: `Bearer ${staff}` } })).json()) as { items: Record<string, unknown>[] };
    expect(evaluation.items[0]).toMatchObject({ roundId: ROUND_ID, phase: 'voting', ballots: null, turnout: null, representativenessMin: null, representativenessMax: null });
    const csv = await (await fetch(`${api.url}/read-models/evaluation?roundId=${ROUND_ID}&format=csv`, { headers: { authorization: `Bearer ${staff}` } })).text();
    expect(csv.split('\r\n').filter((line) => VOTE_COUNTS.test(line))).toEqual([]);

    // The live feed said what changed (ids), never how much.
    const messages = sse.split('\n').filter((l) => l.startsWith('data:')).map((l) => JSON.parse(l.slice(5)) as unknown);
    expect(messages.length).toBeGreaterThan(0);
    expect(JSON.stringify(messages)).toContain('live-count');
    expect(numbersIn(messages)).toEqual([]);
  });
});

/** Every number anywhere in a JSON value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

/** Metric samples that name a round or plan, or count ballots, votes or points per anything. */
function metricsLeaks(text: string): string[] {
  return text.split('\n').filter((line) => !line.startsWith('#') && (/r-oost|p-1|p-2|GM0363/.test(line) || /^\w*(ballot|vote|point|live_count|turnout)\w*[{ ]/i.test(line)));
}
