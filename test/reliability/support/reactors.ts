import { expect } from '@jest/globals';
import { DomainError, type Reaction, reactionContext } from '@lib/es';
import type { EventStore, RecordedEvent } from '@lib/event-store';
import { Reactors } from '@lib/platform';
import { closeSharedPglite, type TestSqlStore } from '../../support/sql-store.js';
import type { TestApi } from '../../support/test-api.js';

/** An answer over HTTP as the restart specs read it; `body` is {} when the answer is not JSON (a CSV). */
export interface Reply {
  status: number;
  body: Record<string, unknown>;
  text: string;
  etag: string | null;
  /** The `Reactions` header: whether the reactors carried the command into other streams yet. */
  reactions: string | null;
}

/** A JSON request with a bearer token to the api at `url`. */
export async function call(url: string, method: string, path: string, token: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = {};
  }
  return { status: response.status, body: parsed, text, etag: response.headers.get('etag'), reactions: response.headers.get('reactions') };
}

/**
 * Replays `triggers` through the reactions that handle them, as the runner does (the same derived
 * ids; a refusal is recorded and the next command runs), and answers the codes refused.
 */
export async function replayAsTheRunner(store: EventStore, triggers: readonly RecordedEvent[], reactions: readonly Reaction[]): Promise<string[]> {
  const refused: string[] = [];
  for (const trigger of triggers) {
    for (const { reactor, execute } of reactions) {
      if (!reactor.canHandle.includes(trigger.type)) continue;
      const history = await store.readStream(trigger.streamName, { maxCount: Number(trigger.revision) + 1 });
      for (const [index, command] of reactor.handle(trigger, history).entries()) {
        await execute(command, reactionContext(reactor.name, trigger, index)).catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
          refused.push(error.code);
        });
      }
    }
  }
  return refused;
}

/** Closes the api (`current`) and starts it again on the same store, then waits until every reactor has caught up from its checkpoint. */
export async function restartAndCatchUp(current: () => TestApi, start: () => Promise<void>): Promise<void> {
  await current().close();
  await start();
  expect((await current().app.get(Reactors).caughtUp(20_000)).complete).toBe(true);
}

/** A restart spec's afterAll: its api, its SQL store and the shared PGlite go, whatever its beforeAll got to. */
export async function closeRestartSpec(api: TestApi | undefined, opened: TestSqlStore | undefined): Promise<void> {
  await api?.close();
  await opened?.cleanup();
  await closeSharedPglite();
}
