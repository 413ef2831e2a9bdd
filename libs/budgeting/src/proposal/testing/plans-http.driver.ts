import { expect } from '@jest/globals';
import type { EventStore, RecordedEvent } from '@lib/event-store';
import { Reactors } from '@lib/platform';
import type { TestApi } from '../../../../../test/support/test-api.js';

/** An answer over HTTP, as the plans' suites read it. */
export interface Reply {
  status: number;
  body: Record<string, unknown>;
  etag: string | null;
  location: string | null;
  /** The `Reactions` header: set when reactors carried the command into another stream. */
  reactions: string | null;
}

/** The store a run uses, and how to let it go. */
export interface PlansStore {
  store: EventStore;
  close(): Promise<void>;
}

/** How the plans' suites drive the api: a call, and a call that must append nothing to any stream. */
export interface PlansHttpDriver {
  /** `token` undefined: an anonymous call. */
  call(method: string, path: string, token: string | undefined, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Every event in the store. */
  everything(): Promise<RecordedEvent[]>;
  /**
   * Runs `act` and asserts it appended nothing to any stream. Waits first until the reactors have
   * carried out everything stored before (the seals of a seeded round, the reactions of the last
   * test), so only `act` can change the store between the two readings.
   */
  appendsNothing(act: () => Promise<Reply>): Promise<Reply>;
}

/** The driver over the api and store a suite opens in its beforeAll (so both are read when called). */
export function plansHttpDriver(api: () => TestApi, store: () => EventStore): PlansHttpDriver {
  async function everything(): Promise<RecordedEvent[]> {
    return store().readAll({ maxCount: 100_000 });
  }
  async function settledStore(): Promise<string[]> {
    const reactors = api().app.get(Reactors);
    let ids = (await everything()).map((e) => e.id);
    for (let round = 0; round < 20; round++) {
      const outcome = await reactors.caughtUp();
      expect(outcome.pending).toEqual([]);
      const now = (await everything()).map((e) => e.id);
      if (now.length === ids.length) return now;
      ids = now;
    }
    throw new Error('the reactors kept appending');
  }
  return {
    async call(method, path, token, body, headers = {}) {
      const response = await fetch(`${api().url}${path}`, {
        method,
        headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        etag: response.headers.get('etag'),
        location: response.headers.get('location'),
        reactions: response.headers.get('reactions'),
      };
    },
    everything,
    async appendsNothing(act) {
      const before = await settledStore();
      const reply = await act();
      expect((await everything()).map((e) => e.id)).toEqual(before);
      return reply;
    },
  };
}

/** A plan's body as a submitter sends it: a playground in the Oosterpark, within the frame of aBegrotingFrame(). */
export const aPlanBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  areaId: 'WK036301',
  themeId: 'spelen',
  title: 'Speeltuin Oosterpark',
  summary: 'Nieuwe speeltoestellen en een bankje bij de vijver',
  costEstimate: { investmentCents: 2_000_000, maintenancePerYearCents: 100_000, maintenanceYears: 5 },
  ...overrides,
});
