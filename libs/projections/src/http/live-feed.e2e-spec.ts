import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { OTHER_TENANT, startTestApi, type TestApi } from '../../../../test/support/test-api.js';
import { given } from '../testing/read-models.given.js';
import { budgetEstablished, planSubmitted, roundPlanned } from '../testing/read-models.fixtures.js';
import { LiveFeed } from './live-feed.js';
import { ReadModelsService } from './read-models.service.js';

interface FeedMessage {
  event: string;
  data: unknown;
}

/** Reads Server-Sent Events from a fetch body until `done` says so; fails after `timeoutMs`. */
class FeedReader {
  private buffer = '';
  readonly seen: FeedMessage[] = [];
  private readonly decoder = new TextDecoder();

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Disconnects, as a browser tab that closes. */
  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }

  async until(done: (message: FeedMessage) => boolean, timeoutMs = 5000): Promise<FeedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = this.next();
      if (message) {
        this.seen.push(message);
        if (done(message)) return message;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching feed message within ${timeoutMs} ms; saw ${JSON.stringify(this.seen)}`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([this.reader.read(), new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left)))]);
      clearTimeout(timer);
      if (chunk === 'timeout') continue;
      if (chunk.done) throw new Error(`Feed ended; saw ${JSON.stringify(this.seen)}`);
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  private next(): FeedMessage | undefined {
    const end = this.buffer.indexOf('\n\n');
    if (end < 0) return undefined;
    const block = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end + 2);
    const field = (name: string) => block.split('\n').filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trim()).join('\n');
    return { event: field('event') || 'message', data: JSON.parse(field('data') || 'null') as unknown };
  }
}

describe('live feed (Server-Sent Events over HTTP)', () => {
  let api: TestApi;
  let feed: LiveFeed;
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });

  beforeAll(async () => {
    await given(store, [budgetEstablished(), roundPlanned()]);
    api = await startTestApi(store, { env: { PROJECTOR_IN_PROCESS: 'true' } });
    await api.app.get(ReadModelsService).settled();
    feed = api.app.get(LiveFeed);
    feed.options.pollMs = 50;
    feed.options.heartbeatMs = 400;
  });

  afterAll(async () => {
    await api.close();
  });

  const connect = async (tenant?: string) => {
    const response = await fetch(`${api.url}/read-models/feed`, { headers: { authorization: `Bearer ${await api.token('official', tenant)}`, accept: 'text/event-stream' } });
    return { response, reader: new FeedReader(response.body!.getReader()) };
  };

  /** Waits (bounded) until the server holds exactly `n` feeds: a disconnect reaches it a moment after the client closed. */
  const feedsOpen = async (n: number) => {
    const deadline = Date.now() + 3000;
    while (feed.open !== n && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(feed.open).toBe(n);
  };

  it('says which read models and which rounds, budgets and plans changed, only to their own municipality, with no counts', async () => {
    const mine = await connect();
    const other = await connect(OTHER_TENANT);
    try {
    expect(mine.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect((await mine.reader.until((m) => m.event === 'ready')).data).toEqual({
      projections: ['budget-overview', 'round-overview', 'plans', 'results', 'audit-timeline', 'ballot-box', 'live-count'],
    });
    await other.reader.until((m) => m.event === 'ready');

    await given(store, [planSubmitted('p-feed', { title: 'Buurtmoestuin', costCents: 1_200_000 })]);

    const changed = new Map<string, unknown>();
    await mine.reader.until((m) => {
      if (m.event === 'changed') for (const change of (m.data as { changes: { projection: string }[] }).changes) changed.set(change.projection, change);
      return changed.has('plans') && changed.has('audit-timeline');
    });
    expect(changed.get('plans')).toEqual({ projection: 'plans', rounds: ['r-oost-2026'], budgets: ['b-oost'], plans: ['p-feed'], more: false });
    expect(changed.get('audit-timeline')).toEqual({ projection: 'audit-timeline', rounds: ['r-oost-2026'], budgets: ['b-oost'], plans: ['p-feed'], more: false });

    // Another municipality hears nothing of it: only heartbeats while quiet.
    await other.reader.until((m) => m.event === 'heartbeat', 3000);
    expect(other.reader.seen.map((m) => m.event)).not.toContain('changed');
    expect(JSON.stringify(mine.reader.seen)).not.toMatch(/"(votes|ballots|points|count|position)"/);

    } finally {
      await mine.reader.close();
      await other.reader.close();
    }
  });

  it('sends heartbeats while quiet and stops polling when the client disconnects', async () => {
    await feedsOpen(0);
    const client = await connect();
    try {
      await client.reader.until((m) => m.event === 'ready');
      expect(feed.open).toBe(1);
      await client.reader.until((m) => m.event === 'heartbeat', 3000);
    } finally {
      await client.reader.close();
    }
    await feedsOpen(0);
  });

  it('refuses anonymous callers', async () => {
    expect((await fetch(`${api.url}/read-models/feed`)).status).toBe(401);
  });
});
